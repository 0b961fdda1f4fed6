// Runs the theme's search as the search page runs it in node against a built index, without a
// browser: a minimal DOM stands in for the search page, fetch reads the index's files from disk and
// counts their bytes. The engine (search-engine.js) runs first, as the page's inline script (the
// <script data-index> of the `search/index.html` beside the index) or, when the page has none or
// with --no-inline, from its file when the page's script asks for it (as where a
// Content-Security-Policy forbids inline scripts); then the page's script (assets/search.min.js,
// minified from search.js; `--script` runs another, such as the readable one). `--engine FILE`
// runs another engine (both inline and from its file).
//   node Benchmarks/search-run.js INDEX_DIR [--script FILE] [--engine FILE] [--no-inline] QUERY...
// INDEX_DIR is a site's `search/index/` folder. Prints one JSON line per query:
//   {query, status, hint, results: [paths], files: [[path, bytes]], bytes, early: [paths]}
// `results` are the drawn results' links (the site's base is "/"), in order; `files` are the index
// files the query fetched, `meta.json` included unless the page carries it (then both scripts read
// it there, as in a browser); `early` are those the inline engine asked for before the page's
// script ran (it runs once the engine's start has settled). Used by the relevance checks of
// Tests/DaybookSiteTests/SearchRankingTests.swift and to try ranking changes on a judged set
// quickly (Benchmarks/search-compare.py measures in chromium).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

class Node {
  constructor(tag) {
    this.tagName = tag;
    this.children = [];
    this.attributes = new Map();
    this.listeners = new Map();
    this.text = "";
    this.hidden = false;
    this.className = "";
  }
  get firstChild() { return this.children[0] || (this.text ? this : null); }
  get textContent() { return this.text + this.children.map((c) => c.textContent).join(""); }
  set textContent(value) { this.text = String(value); this.children = []; }
  appendChild(child) { this.children.push(child); return child; }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  removeAttribute(name) { this.attributes.delete(name); }
  addEventListener(type, listener) { this.listeners.set(type, listener); }
  focus() {}
  querySelectorAll(selector) {
    const out = [];
    const walk = (node) => node.children.forEach((c) => {
      if (selector === "a" ? c.tagName === "a" : c.attributes.has("data-pending")) out.push(c);
      walk(c);
    });
    walk(this);
    return out;
  }
}

function textNode(text) { const n = new Node("#text"); n.text = String(text); return n; }

// Runs one query in a fresh page; resolves with what was drawn and fetched.
// The search page's `data-text` (the script's messages in the site's language), read from the
// page beside the index folder (`search/index.html`), entities decoded; null without one.
function pageText(indexDir) {
  let html;
  try { html = fs.readFileSync(path.join(indexDir, "..", "index.html"), "utf8"); } catch (error) { return null; }
  const match = html.match(/data-text="([^"]*)"/);
  if (!match) return null;
  return match[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// The page's inline engine (search-engine.js as the search page carries it), or null.
function pageEngine(indexDir) {
  let html;
  try { html = fs.readFileSync(path.join(indexDir, "..", "index.html"), "utf8"); } catch (error) { return null; }
  const match = html.match(/<script data-index="[^"]*">([\s\S]*?)<\/script>/);
  return match ? match[1] : null;
}

// The index entry the page carries (meta.json's text in <script type="application/json"
// id="search-meta">), or null: both scripts read it from the page, as in a browser.
function pageEntry(indexDir) {
  let html;
  try { html = fs.readFileSync(path.join(indexDir, "..", "index.html"), "utf8"); } catch (error) { return null; }
  const match = html.match(/<script type="application\/json" id="search-meta">([\s\S]*?)<\/script>/);
  return match ? match[1] : null;
}

function run(indexDir, source, query, engine) {
  const ids = ["search-input", "search-status", "search-hint", "search-results", "search-more"];
  const byId = new Map(ids.map((id) => [id, new Node(id === "search-results" ? "ol" : "p")]));
  const entry = pageEntry(indexDir);
  if (entry !== null) { const element = new Node("script"); element.text = entry; byId.set("search-meta", element); }
  const form = new Node("form");
  form.setAttribute("data-index", "/search/index/");
  form.setAttribute("data-base", "/");
  form.setAttribute("data-tags", "/tags/");
  form.setAttribute("data-engine", "/assets/search-engine.min.js");
  const text = pageText(indexDir);
  if (text !== null) form.setAttribute("data-text", text);
  const body = new Node("body");
  const files = [];
  let settle;
  const done = new Promise((resolve) => { settle = resolve; });
  body.setAttribute = function (name, value) {
    Node.prototype.setAttribute.call(this, name, value);
    if (name === "data-search-at") setImmediate(settle);
  };
  const location = new URL("http://localhost/search/?q=" + encodeURIComponent(query));
  const head = new Node("head");
  const document = {
    body,
    head,
    querySelector: (selector) => (selector === "form.search-form" ? form : null),
    getElementById: (id) => byId.get(id) || null,
    createElement: (tag) => new Node(tag),
    createTextNode: textNode,
  };
  const early = [];
  let starting = false;
  const fetchFile = (url) => {
    const relative = String(url).replace(/^\/search\/index\//, "");
    if (starting) early.push(relative);
    const file = path.join(indexDir, relative);
    return new Promise((resolve) => {
      fs.readFile(file, (error, data) => {
        if (error) { resolve({ ok: false, status: 404 }); return; }
        files.push([relative, data.length]);
        resolve({ ok: true, status: 200, json: () => Promise.resolve(JSON.parse(data.toString("utf8"))) });
      });
    });
  };
  const window = { location, fetch: fetchFile, katex: undefined };
  const context = vm.createContext({
    window, document, fetch: fetchFile, URL, URLSearchParams, TextEncoder, performance, setTimeout, clearTimeout,
    history: { replaceState() {} }, console, Math, Array, Set, Map, Promise, Float32Array, Int8Array, Object, String, Number, Error, JSON,
  });
  window.document = document;
  const runEngine = (element) => {
    document.currentScript = element;
    vm.runInContext(engine.source, context, { filename: "search-engine.js" });
    document.currentScript = null;
  };
  // The page's script asks for the engine's file when the inline engine did not run.
  head.appendChild = function (child) {
    Node.prototype.appendChild.call(this, child);
    if (child.tagName === "script" && /search-engine\.min\.js$/.test(child.getAttribute("src") || "")) {
      setImmediate(() => { runEngine(child); if (child.onload) child.onload(); });
    }
    return child;
  };
  if (engine.inline) {
    // The engine runs while the page is parsed; what it fetches until its start has settled is early.
    const element = new Node("script");
    element.setAttribute("data-index", "/search/index/");
    starting = true;
    runEngine(element);
    const started = window.daybookSearchEngine && window.daybookSearchEngine.started;
    (started ? started.found.then(() => new Promise(setImmediate), () => {}) : Promise.resolve()).then(() => {
      starting = false;
      vm.runInContext(source, context, { filename: "search.js" });
    });
  } else {
    vm.runInContext(source, context, { filename: "search.js" });
  }
  const timeout = setTimeout(settle, 10000);
  return done.then(() => {
    clearTimeout(timeout);
    const links = byId.get("search-results").querySelectorAll("a").map((a) => a.getAttribute("href") || a.href);
    return { query, status: byId.get("search-status").textContent, hint: byId.get("search-hint").textContent,
      results: links, files, bytes: files.reduce((s, f) => s + f[1], 0), early };
  });
}

async function main() {
  const args = process.argv.slice(2);
  let script = path.join(__dirname, "..", "Themes", "default", "assets", "search.min.js");
  const at = args.indexOf("--script");
  if (at >= 0) { script = args[at + 1]; args.splice(at, 2); }
  let engineFile = null;
  const engineAt = args.indexOf("--engine");
  if (engineAt >= 0) { engineFile = args[engineAt + 1]; args.splice(engineAt, 2); }
  const noInline = args.indexOf("--no-inline");
  if (noInline >= 0) args.splice(noInline, 1);
  const [indexDir, ...queries] = args;
  const source = fs.readFileSync(script, "utf8");
  const inline = noInline >= 0 ? null : pageEngine(indexDir);
  const engine = {
    inline: inline !== null,
    source: engineFile ? fs.readFileSync(engineFile, "utf8")
      : inline !== null ? inline
      : fs.readFileSync(path.join(__dirname, "..", "Themes", "default", "assets", "search-engine.min.js"), "utf8"),
  };
  // Links are set with `link.href = …`, scripts with `script.src = …`: record them as attributes too.
  for (const name of ["href", "src"]) {
    Object.defineProperty(Node.prototype, name, {
      get() { return this.getAttribute(name); }, set(v) { this.setAttribute(name, v); },
    });
  }
  for (const query of queries) console.log(JSON.stringify(await run(indexDir, source, query, engine)));
}
main().catch((error) => { console.error(error); process.exit(1); });
