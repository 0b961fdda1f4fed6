// Times search pages in headless chromium over the DevTools protocol (real clock, cold cache):
//   node --experimental-websocket Benchmarks/search-timing.js URL...
// For each URL (a search page with ?q=…) prints the milliseconds from navigation start to the first
// results drawn, and the script's own query-to-results time (data-search-ms).
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "daybook-timing-"));
  const port = 9300 + Math.floor(Math.random() * 500);
  const browser = spawn("chromium", ["--headless", "--no-sandbox", "--disable-gpu", `--remote-debugging-port=${port}`,
    `--user-data-dir=${profile}`, "about:blank"], { stdio: "ignore" });
  try {
    let targets;
    for (let i = 0; i < 100 && !targets; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try { targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json(); } catch {}
    }
    const page = targets.find((t) => t.type === "page");
    const socket = new WebSocket(page.webSocketDebuggerUrl);
    await new Promise((resolve) => socket.addEventListener("open", resolve));
    let id = 0;
    const pending = new Map();
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      if (pending.has(message.id)) { pending.get(message.id)(message.result); pending.delete(message.id); }
    });
    const send = (method, params = {}) => new Promise((resolve) => {
      pending.set(++id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
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
    socket.close();
  } finally {
    browser.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
main();
