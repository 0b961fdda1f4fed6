// Daybook search: a static, sharded index (see SearchIndex.swift), fetched lazily from this site.
// No third-party request; the page works on any static host.
"use strict";
(function () {
  var form = document.querySelector("form.search-form");
  if (!form || !window.fetch) return;
  var indexURL = form.getAttribute("data-index");
  var base = form.getAttribute("data-base");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 20;
  var MAX_PREFIX_SHARDS = 12;
  var STOP = new Set(["an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from",
    "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "our", "such", "than", "that",
    "the", "their", "these", "this", "those", "to", "was", "we", "were", "which", "while", "with"]);
  var encoder = new TextEncoder();
  var cache = new Map();
  var meta = null;
  var shardSet = null;
  var current = { hits: [], shown: 0, run: 0 };

  function load(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(indexURL + path).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + path);
        return response.json();
      }));
    }
    return cache.get(path);
  }

  // Must match SearchIndex.tokenize: lowercase, runs of [a-z0-9] and non-ASCII, 2–40 bytes, in
  // Unicode normal form C (the index's terms are).
  function tokenize(text) {
    return text.toLowerCase().split(/[^a-z0-9\u0080-\uffff]+/).filter(function (term) {
      var bytes = encoder.encode(term).length;
      return bytes >= 2 && bytes <= 40;
    }).map(function (term) { return term.normalize("NFC"); });
  }

  function key(term, length) {
    var out = "";
    Array.from(term).slice(0, length).forEach(function (ch) { out += /[a-z0-9]/.test(ch) ? ch : "_"; });
    return out;
  }

  function exactShard(term) {
    for (var length = 6; length >= 2; length--) {
      var candidate = key(term, length);
      if (shardSet.has(candidate)) return candidate;
    }
    return null;
  }

  function prefixShards(term) {
    var own = key(term, Array.from(term).length);
    var found = meta.shards.filter(function (k) {
      return own.startsWith(k) || k.startsWith(own);
    });
    return found.length <= MAX_PREFIX_SHARDS ? found : null;
  }

  // Documents matching one query term: Map doc → weight (strong matches count more, exact more than prefix).
  function match(term, prefix) {
    var shards = prefix ? prefixShards(term) : null;
    if (!shards) { var one = exactShard(term); shards = one ? [one] : []; prefix = false; }
    return Promise.all(shards.map(function (k) { return load("terms/" + k + ".json"); })).then(function (tables) {
      var docs = new Map();
      tables.forEach(function (table) {
        Object.keys(table).forEach(function (candidate) {
          var exact = candidate === term;
          if (!exact && !(prefix && candidate.startsWith(term))) return;
          var doc = 0;
          table[candidate].forEach(function (value) {
            doc += value >> 1;
            var weight = ((value & 1) ? 3 : 1) * (exact ? 1 : 0.7);
            if (!(docs.get(doc) >= weight)) docs.set(doc, weight);
          });
        });
      });
      return docs;
    });
  }

  function search(query) {
    if (!meta) return;
    var run = ++current.run;
    var started = performance.now();
    var raw = tokenize(query);
    var terms = raw.filter(function (term) { return !STOP.has(term); });
    if (terms.length === 0) terms = raw;
    terms = Array.from(new Set(terms));
    list.textContent = "";
    more.hidden = true;
    if (terms.length === 0) { status.textContent = query.trim() ? "Type at least two letters." : ""; return; }
    status.textContent = "Searching…";
    var typing = !/\s$/.test(query);
    var lastTerm = raw[raw.length - 1];
    Promise.all(terms.map(function (term) {
      return match(term, typing && term === lastTerm && term.length >= 3);
    })).then(function (maps) {
      if (run !== current.run) return;
      maps.sort(function (a, b) { return a.size - b.size; });
      var hits = [];
      maps[0].forEach(function (weight, doc) {
        var score = weight;
        for (var i = 1; i < maps.length; i++) {
          var other = maps[i].get(doc);
          if (other === undefined) return;
          score += other;
        }
        hits.push([doc, score]);
      });
      // Ties: the lower document number first, that is the newer featured day (then by id).
      hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      current.hits = hits;
      current.shown = 0;
      status.textContent = hits.length === 0 ? "No papers match “" + query.trim() + "”."
        : (hits.length === 1 ? "1 paper" : hits.length + " papers") + " match “" + query.trim() + "”.";
      return showMore(run).then(function () {
        document.body.setAttribute("data-search-ms", String(Math.round(performance.now() - started)));
      });
    }).catch(function (error) {
      status.textContent = "The search index could not be loaded (" + error.message + ").";
    });
  }

  function showMore(run) {
    var slice = current.hits.slice(current.shown, current.shown + PAGE);
    current.shown += slice.length;
    var shards = Array.from(new Set(slice.map(function (hit) { return Math.floor(hit[0] / meta.docsPerShard); })));
    return Promise.all(shards.map(function (n) { return load("docs/" + n + ".json"); })).then(function (tables) {
      if (run !== current.run) return;
      var byShard = new Map(shards.map(function (n, i) { return [n, tables[i]]; }));
      slice.forEach(function (hit) {
        var doc = byShard.get(Math.floor(hit[0] / meta.docsPerShard))[hit[0] % meta.docsPerShard];
        list.appendChild(card(doc));
      });
      more.hidden = current.shown >= current.hits.length;
    });
  }

  function card(doc) {
    var item = document.createElement("li");
    item.className = "paper-card";
    var article = document.createElement("article");
    var heading = document.createElement("h2");
    heading.className = "paper-title";
    var link = document.createElement("a");
    link.href = base + doc[0];
    link.textContent = doc[1];
    heading.appendChild(link);
    var info = document.createElement("p");
    info.className = "meta";
    [doc[2], doc[3], doc[4].join(", ")].forEach(function (text) {
      if (!text) return;
      var span = document.createElement("span");
      span.textContent = text;
      info.appendChild(span);
    });
    article.appendChild(heading);
    article.appendChild(info);
    item.appendChild(article);
    return item;
  }

  more.addEventListener("click", function () { showMore(current.run); });
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(input.value); }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update(input.value);
  });

  function update(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    search(query);
  }

  load("meta.json").then(function (data) {
    meta = data;
    shardSet = new Set(meta.shards);
    var query = new URLSearchParams(window.location.search).get("q") || input.value;
    if (query) { input.value = query; search(query); }
  }).catch(function (error) {
    status.textContent = "The search index could not be loaded (" + error.message + ").";
  });
})();
