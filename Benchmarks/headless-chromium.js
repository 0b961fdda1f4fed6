// Headless chromium driven over the DevTools protocol, for the benchmark scripts:
//   const { withBrowser } = require("./headless-chromium.js");
//   await withBrowser(async (send) => { await send("Page.navigate", { url }); … });
// `send(method, params)` resolves with the command's result. The browser runs with a fresh
// profile, removed afterwards (needs node ≥ 20 with --experimental-websocket).
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

async function withBrowser(body) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "daybook-chromium-"));
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
    await body(send);
    socket.close();
  } finally {
    browser.kill();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

module.exports = { withBrowser };
