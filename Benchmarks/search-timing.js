// Times search pages in headless chromium over the DevTools protocol (real clock, cold cache):
//   node --experimental-websocket Benchmarks/search-timing.js URL...
// For each URL (a search page with ?q=…) prints the milliseconds from navigation start to the first
// results drawn, and the script's own query-to-results time (data-search-ms).
"use strict";
const { withBrowser } = require("./headless-chromium.js");

async function main() {
  await withBrowser(async (send) => {
    await send("Network.enable");
    await send("Network.setCacheDisabled", { cacheDisabled: true });
    for (const url of process.argv.slice(2)) {
      await send("Page.navigate", { url });
      let result = null;
      for (let i = 0; i < 600 && !result; i++) {
        await new Promise((r) => setTimeout(r, 10));
        const value = await send("Runtime.evaluate", { returnByValue: true, expression:
          "document.body && document.body.getAttribute('data-search-ms') ? [performance.now(), document.body.getAttribute('data-search-ms'), document.getElementById('search-status').textContent] : null" });
        result = value && value.result && value.result.value;
      }
      console.log(result ? `${url}\t${Math.round(result[0])} ms from navigation\t${result[1]} ms query to results\t${result[2]}` : `${url}\tno results within 6 s`);
    }
  });
}
main();
