// Daybook search, the engine: a static, sharded index (see SearchIndex.swift), fetched lazily
// from this site. No third-party request; the page works on any static host, under any path.
//
// The search page carries this script inline in its <head>, before the stylesheet (minified, as
// templates/search-engine.mustache, by scripts/minify-search.sh), so it runs while the page is
// being parsed: for a query in the address (?q=…) it asks for the query's term shards at once
// (the page carries the index entry, meta.json's text, in <script type="application/json"
// id="search-meta">), ranks the papers as soon as they arrive, and asks for the first page's
// documents. The page's part, search.js (assets/search.min.js), comes later and draws what this
// finds, through window.daybookSearchEngine; where the page's inline script cannot run (a
// Content-Security-Policy that forbids inline scripts), search.js loads this file
// (assets/search-engine.min.js) and the search works the same, a little later.
//
// Every query word matches as a prefix as it is typed, its plural forms ("liquids" finds
// "liquid") and its other forms ("generation" finds "generated"); case and accents are folded as
// the index folds them (SearchIndex+Terms.swift). Ranking is BM25F: the index stores each term's
// weight in each paper (title, id > authors, tags > summary > abstract, saturated,
// length-normalized), this script multiplies it by the word's IDF (one for all the terms it
// matches, from the commonest); search.js then reorders the first page by phrase and title
// matches, and ties go to upvotes, then the newer day.
"use strict";
(function () {
  if (window.daybookSearchEngine) return;
  var script = document.currentScript;
  var indexURL = script && script.getAttribute("data-index");
  if (!indexURL || !window.fetch) return;
  var PAGE = 20;
  var MAX_PREFIX_SHARDS = 8;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = new Int8Array(128);
  for (var a = 0; a < 64; a++) VALUE[ALPHABET.charCodeAt(a)] = a;
  // Must match SearchIndex.foldings.
  var FOLDINGS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h" };
  var ID = /(?:arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?![\p{L}\p{N}])/giu;
  var cache = new Map();
  var meta = null;
  var shardSet = null;
  // The index's stop words (meta.json's, their only copy), filled in when the entry is read.
  var stopWords = new Set();

  function load(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(indexURL + path).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + path);
        return response.json();
      }));
    }
    return cache.get(path);
  }

  // Lowercase, accents off (as SearchIndex.folded), then runs of letters and digits, 2–40 bytes, NFC.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "")
      .replace(/[ßæœøłđðþıħ]/g, function (ch) { return FOLDINGS[ch]; });
  }

  // 2–40 bytes of UTF-8 (counted without encoding: this runs for every word of every result).
  function isTerm(term) {
    var bytes = 0;
    for (var i = 0; i < term.length; i++) {
      var c = term.charCodeAt(i);
      if (c >= 0xD800 && c < 0xDC00) { bytes += 4; i++; } else bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes >= 2 && bytes <= 40;
  }

  var ASCII_WORD = /^[A-Za-z0-9]+$/;
  var ASCII = /^[\x00-\x7f]*$/;
  function isShort(t) { return t.length >= 2 && t.length <= 40; }
  function tokenize(text) {
    if (ASCII_WORD.test(text)) return isShort(text) ? [text.toLowerCase()] : [];
    // ASCII text (most titles and abstracts): letters and digits are [a-z0-9] once lowercased,
    // and nothing needs folding or normalizing.
    if (ASCII.test(text)) return text.toLowerCase().split(/[^a-z0-9]+/).filter(isShort);
    return fold(text).split(/[^\p{L}\p{N}]+/u).map(function (t) { return t.normalize("NFC"); }).filter(isTerm);
  }

  // Light English plural folding: studies → study, boxes → box, models → model (not: bus, glass, analysis).
  function stem(w) {
    if (w.length > 4 && /ies$/.test(w) && !/[ae]ies$/.test(w)) return w.slice(0, -3) + "y";
    if (w.length > 4 && /(?:ss|x|ch|sh|zz)es$/.test(w)) return w.slice(0, -2);
    if (w.length > 3 && /s$/.test(w) && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
    return w;
  }

  // A word without its plural and then one derivational ending (-ion, -ing, -ed, -ive, -e),
  // keeping three letters: generation, generated, generating, generative, generate → generat;
  // code, codes, coding → cod. Agent nouns keep theirs (a transformer is not a transform).
  function family(w) {
    var s = stem(w), m = /^(.{3,}?)(?:ion|ing|ed|ive|e)$/.exec(s);
    return m ? m[1] : s;
  }

  function key(term, length) {
    var out = "";
    Array.from(term).slice(0, length).forEach(function (ch) { out += /[a-z0-9]/.test(ch) ? ch : "_"; });
    return out;
  }

  // The shard that would hold `term` itself: the longest existing key that starts it.
  function ownShard(term) {
    for (var length = 6; length >= 2; length--) {
      var candidate = key(term, length);
      if (candidate.length === length && shardSet.has(candidate)) return candidate;
    }
    return null;
  }

  // Every shard that may hold a term starting with `prefix`, or null when they are too many.
  function shardsFor(prefix) {
    var own = ownShard(prefix);
    var out = own ? [own] : [];
    var k = key(prefix, 6);
    if (Array.from(prefix).length < 6) {
      meta.shards.forEach(function (s) { if (s.length > k.length && s.startsWith(k)) out.push(s); });
    }
    return out.length <= MAX_PREFIX_SHARDS ? out : null;
  }

  function readNumber(text, state) {
    var value = 0, scale = 1;
    for (;;) {
      var v = VALUE[text.charCodeAt(state.i++)];
      if (v >= 32) { value += (v - 32) * scale; scale *= 32; } else { return value + v * scale; }
    }
  }

  // Calls visit(document, level) for each posting of a term's tiers (SearchIndex.entry).
  function decode(tiers, visit) {
    tiers.split(",").forEach(function (tier) {
      var level = VALUE[tier.charCodeAt(0)];
      var state = { i: 2 };
      if (tier.charAt(1) === "t") {
        // Two levels in one (SearchIndex.ternary): 11 documents in 3 characters, base 3.
        var low = VALUE[tier.charCodeAt(2)];
        state.i = 3;
        var group = readNumber(tier, state);
        for (; state.i < tier.length; state.i += 3, group++) {
          var packed = VALUE[tier.charCodeAt(state.i)] + 64 * VALUE[tier.charCodeAt(state.i + 1)] + 4096 * VALUE[tier.charCodeAt(state.i + 2)];
          for (var k = 0; k < 11; k++, packed = (packed - packed % 3) / 3) {
            if (packed % 3) visit(group * 11 + k, packed % 3 === 2 ? level : low);
          }
        }
      } else if (tier.charAt(1) === "l") {
        var doc = -1;
        while (state.i < tier.length) { doc += readNumber(tier, state) + 1; visit(doc, level); }
      } else {
        var block = readNumber(tier, state);
        for (; state.i < tier.length; state.i++, block++) {
          var bits = VALUE[tier.charCodeAt(state.i)];
          for (var j = 0; j < 6; j++) if (bits & (1 << j)) visit(block * 6 + j, level);
        }
      }
    });
  }

  // A query word: how a term of the index matches it (1 exact, less for a plural, another form
  // of the word or a completion), remembered per term: results' words are asked again and again.
  function matcher(word, isID) {
    var s = isID ? word : stem(word), b = isID || word.length < 4 ? null : family(word);
    var known = new Map();
    function weigh(term) {
      if (term === word) return 1;
      if (isID) return term.startsWith(word) ? 0.6 + 0.3 * word.length / term.length : 0;
      if (stem(term) === s) return 0.95;
      var weight = term.startsWith(word) ? 0.6 + 0.3 * word.length / term.length : 0;
      return family(term) === b ? Math.max(weight, 0.8) : weight;
    }
    return function (term) {
      var weight = known.get(term);
      if (weight === undefined) { weight = weigh(term); known.set(term, weight); }
      return weight;
    };
  }

  // The prefix every matching term starts with: the word, or its stem (`s`) without a final y or e.
  function root(word, s) {
    var n = 0;
    while (n < s.length && n < word.length && s[n] === word[n]) n++;
    var r = word.slice(0, n).replace(/[ye]$/, "");
    return Array.from(r).length >= 2 ? r : word;
  }

  // Scores of one query word: { scores: Float32Array by document, docs: [documents], terms: [matched terms],
  // shards: [keys loaded], partial: true when the word was too short to complete }.
  function match(word) {
    // The shards of the word's other forms, unless they are too many; then those of its plural.
    var shards = shardsFor(word.root) || shardsFor(word.pluralRoot);
    var partial = false;
    if (!shards) { partial = true; var own = ownShard(word.text); shards = own ? [own] : []; }
    return Promise.all(shards.map(function (k) { return load("terms/" + k + ".json"); })).then(function (tables) {
      var result = { scores: new Float32Array(meta.count), docs: [], terms: [], partial: partial };
      var n = meta.count, levels = meta.impactLevels;
      var found = [];
      tables.forEach(function (table) {
        Object.keys(table).forEach(function (term) {
          // Every term the word matches starts with its root (the shards were chosen by it).
          if (!term.startsWith(word.root)) return;
          var weight = word.match(term);
          if (weight === 0 || (partial && term !== word.text)) return;
          var docs = [], lv = [];
          decode(table[term], function (doc, level) { docs.push(doc); lv.push(level); });
          found.push([term, weight, docs, lv]);
        });
      });
      // One IDF for all the terms a word matches, from the commonest one's document count (as
      // Lucene's blended scoring of a prefix or fuzzy query): a rare completion ("differentiable"
      // for "diff") is not what the reader typed, so it must not outrank a common one for
      // being rare.
      var most = 0;
      found.forEach(function (entry) { most = Math.max(most, entry[2].length); });
      var idf = Math.log(1 + (n - most + 0.5) / (most + 0.5));
      found.forEach(function (entry) {
        var term = entry[0], weight = entry[1], docs = entry[2], lv = entry[3];
        result.terms.push(term);
        for (var i = 0; i < docs.length; i++) {
          var score = weight * idf * (lv[i] + 0.5) / levels;
          var before = result.scores[docs[i]];
          if (before === 0) result.docs.push(docs[i]);
          if (score > before) result.scores[docs[i]] = score;
        }
      });
      return result;
    });
  }

  function parse(query) {
    var words = [];
    var rest = query.replace(ID, function (whole, id) {
      var text = id.toLowerCase().replace(/[^a-z0-9]/g, "");
      words.push({ text: text, root: text, pluralRoot: text, match: matcher(text, true), id: true, label: id });
      return " ";
    });
    var tokens = tokenize(rest.replace(/\barxiv:/gi, " "));
    var kept = tokens.filter(function (t) { return !stopWords.has(t); });
    if (kept.length === 0) kept = tokens;
    var seen = new Set(words.map(function (w) { return w.text; }));
    kept.forEach(function (t) {
      if (seen.has(t)) return;
      seen.add(t);
      words.push({ text: t, root: root(t, family(t)), pluralRoot: root(t, stem(t)), match: matcher(t, false), id: false, label: t });
    });
    return words;
  }


  // Documents that every required word matches, with the sum of their scores.
  function intersect(results, required) {
    if (required.length === 0) return [];
    var order = required.slice().sort(function (x, y) { return results[x].docs.length - results[y].docs.length; });
    var hits = [];
    results[order[0]].docs.forEach(function (doc) {
      var score = 0;
      for (var i = 0; i < order.length; i++) {
        var s = results[order[i]].scores[doc];
        if (s === 0) return;
        score += s;
      }
      hits.push([doc, score]);
    });
    return hits;
  }

  // No document has every word: those with the most words, then by score.
  function best(results, required) {
    var words = new Map();
    required.forEach(function (i) {
      results[i].docs.forEach(function (doc) {
        var entry = words.get(doc) || [0, 0];
        entry[0] += 1;
        entry[1] += results[i].scores[doc];
        words.set(doc, entry);
      });
    });
    var most = 0;
    words.forEach(function (e) { if (e[0] > most) most = e[0]; });
    var hits = [];
    words.forEach(function (e, doc) { if (e[0] === most) hits.push([doc, e[1]]); });
    return hits;
  }

  function loadDoc(n) {
    return load("docs/" + Math.floor(n / meta.docsPerShard) + ".json").then(function (table) { return table[n % meta.docsPerShard]; });
  }

  // The papers a query's words find, best first, as [[document, score]]: those every word
  // matches (a word too short to complete only adds to their scores), or, when none has every
  // word, those with the most of them (`partial`). Ties: the higher document number first, that
  // is the newer featured day (then by id).
  function rank(results) {
    var required = [], optional = [];
    results.forEach(function (r, i) { (r.partial ? optional : required).push(i); });
    if (required.length === 0) { required = optional; optional = []; }
    var hits = intersect(results, required);
    var partial = false;
    if (hits.length === 0 && required.length > 1) { hits = best(results, required); partial = hits.length > 0; }
    optional.forEach(function (i) { hits.forEach(function (h) { h[1] += results[i].scores[h[0]]; }); });
    hits.sort(function (x, y) { return y[1] - x[1] || y[0] - x[0]; });
    return { hits: hits, partial: partial };
  }

  // A query's words, what each finds, and its ranked papers (none when a word matches no term:
  // search.js then looks for a correction).
  function find(query) {
    var words = parse(query);
    return Promise.all(words.map(match)).then(function (results) {
      var missing = words.filter(function (w, i) { return results[i].terms.length === 0 && !results[i].partial && !w.id; });
      return { query: query, words: words, results: results, missing: missing, ranked: missing.length ? null : rank(results) };
    });
  }

  // The index entry: in the page when the build put it there, else fetched.
  var inline = document.getElementById("search-meta"), entry = null;
  try { entry = inline && JSON.parse(inline.textContent); } catch (error) { entry = null; }
  var ready = (entry ? Promise.resolve(entry) : load("meta.json")).then(function (data) {
    meta = data;
    shardSet = new Set(meta.shards);
    (meta.stopWords || []).forEach(function (w) { stopWords.add(w); });
    return meta;
  });

  // The query in the address, started now: its shards, its ranking, its first page's documents.
  var query = new URLSearchParams(window.location.search).get("q");
  var started = null;
  if (query) {
    started = ready.then(function () { return find(query); }).then(function (found) {
      if (found.ranked) found.ranked.hits.slice(0, PAGE).forEach(function (hit) { loadDoc(hit[0]).catch(function () {}); });
      return found;
    });
    started.catch(function () {});
  }

  window.daybookSearchEngine = {
    PAGE: PAGE, ready: ready, load: load, loadDoc: loadDoc, tokenize: tokenize, stopWords: stopWords,
    parse: parse, match: match, rank: rank, find: find, shardsFor: shardsFor,
    // The query in the address and what it finds (a promise of find's result), or null.
    started: started ? { query: query, found: started } : null
  };
})();
