// Drives headless chromium (headless-chromium.js) for Benchmarks/search-compare.py:
//   node --experimental-websocket Benchmarks/search-compare.js PLAN.json
// PLAN: {"engines": [{"name", "page"}], "queries": [...], "wait": ms a query may take (20000)}, `page` a search page URL that takes
// `?q=`, sets `data-search-at` (performance.now() when the results are drawn) and `data-search-ms`
// on <body>, lists results as links in `#search-results`, and offers `window.runQuery(q)` or a
// `form.search-form` to submit (a warm query, the page already loaded).
// Prints one JSON line per engine and query:
//   {engine, query, mode: "cold"|"warm", ms, bytes, requests, files: [[path, bytes]], status, top: [paths]}
// cold: a fresh navigation with the HTTP cache disabled and emptied, ms from navigation start to results drawn,
// bytes = raw bytes the server sent after the page itself (it answers /__served); warm: the same page, the query typed
// after the previous ones, ms = the script's own query-to-results time, bytes = requests it made.
"use strict";
const fs = require("node:fs");
const { withBrowser } = require("./headless-chromium.js");

async function main() {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  await withBrowser(async (send) => {
    const evaluate = async (expression) => {
      const value = await send("Runtime.evaluate", { returnByValue: true, awaitPromise: true, expression });
      return value && value.result ? value.result.value : undefined;
    };
    const waitFor = async (expression, limit = plan.wait || 20000) => {
      for (let waited = 0; waited < limit; waited += 5) {
        const value = await evaluate(expression);
        if (value) return value;
        await new Promise((r) => setTimeout(r, 5));
      }
      return null;
    };
    // What the server sent since the last call (the page's own requests and its workers').
    const served = async (page) => (await fetch(new URL("/__served", page))).json();
    const results = `Array.from(document.querySelectorAll("#search-results a")).map((a) => new URL(a.href).pathname)`;
    const counted = `(document.getElementById("search-status") || {}).textContent || ""`;
    await send("Network.enable");
    await send("Network.setCacheDisabled", { cacheDisabled: true });
    await send("Page.enable");
    // Cold: one navigation per query, the engines in turn (so a busy moment of the machine hits
    // both alike).
    for (const query of plan.queries) {
      for (const engine of plan.engines) {
        await send("Page.navigate", { url: "about:blank" });
        await new Promise((r) => setTimeout(r, 50));
        const url = engine.page + "?q=" + encodeURIComponent(query);
        await served(engine.page);
        // "Cache disabled" holds for the page's own requests, not for a worker's: without this,
        // Pagefind's worker got its 72 kB WebAssembly file from the HTTP cache after the first
        // query (neither fetched nor counted, and not cold).
        await send("Network.clearBrowserCache");
        await send("Page.navigate", { url });
        const at = await waitFor(`document.body && document.body.getAttribute("data-search-at")`);
        const fetched = (await served(engine.page)).slice(1);
        const queryMs = await evaluate(`document.body.getAttribute("data-search-ms")`);
        console.log(JSON.stringify({ engine: engine.name, query, mode: "cold", ms: at ? Math.round(Number(at)) : null,
          queryMs: queryMs === null ? null : Number(queryMs),
          bytes: fetched.reduce((s, e) => s + e[1], 0), requests: fetched.length, files: fetched,
          status: await evaluate(counted), top: ((await evaluate(results)) || []).slice(0, 5) }));
      }
    }
    // Warm: the page loaded once, then each query in turn; two rounds, the engines' order swapped.
    for (const engine of plan.engines.concat(plan.engines.slice().reverse())) {
      await send("Page.navigate", { url: "about:blank" });
      await new Promise((r) => setTimeout(r, 50));
      await send("Page.navigate", { url: engine.page });
      await waitFor(`document.readyState === "complete" && (window.runQuery || document.querySelector("form.search-form")) ? true : null`);
      await new Promise((r) => setTimeout(r, 500));
      for (const query of plan.queries) {
        await served(engine.page);
        await evaluate(`document.body.removeAttribute("data-search-at"); document.body.removeAttribute("data-search-ms"); true`);
        await evaluate(`(function (q) {
          if (window.runQuery) { window.runQuery(q); return true; }
          var input = document.getElementById("search-input"); input.value = q;
          document.querySelector("form.search-form").requestSubmit(); return true; })(${JSON.stringify(query)})`);
        const ms = await waitFor(`document.body.getAttribute("data-search-at") && document.body.getAttribute("data-search-ms")`);
        const list = await served(engine.page);
        console.log(JSON.stringify({ engine: engine.name, query, mode: "warm", ms: ms === null ? null : Number(ms),
          bytes: list.reduce((s, e) => s + e[1], 0), requests: list.length, files: list,
          status: await evaluate(counted), top: ((await evaluate(results)) || []).slice(0, 5) }));
      }
    }
  });
}
main();
