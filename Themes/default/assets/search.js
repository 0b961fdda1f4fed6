// Daybook search: a static, sharded index (see SearchIndex.swift), fetched lazily from this site.
// No third-party request; the page works on any static host, under any path.
//
// Every query word matches as a prefix as it is typed, its plural forms ("liquids" finds
// "liquid") and its other forms ("generation" finds "generated"); case and accents are folded as
// the index folds them (SearchIndex+Terms.swift). Ranking is BM25F: the index stores each term's
// weight in each paper (title, id > authors, tags > summary > abstract, saturated,
// length-normalized), this script multiplies it by the word's IDF (one for all the terms it
// matches, from the commonest); then, on the first page, a phrase or a title that holds or
// starts with the query counts more, and ties go to upvotes, then the newer day.
"use strict";
(function () {
  var form = document.querySelector("form.search-form");
  if (!form || !window.fetch) return;
  var indexURL = form.getAttribute("data-index");
  var base = form.getAttribute("data-base");
  var tagsURL = form.getAttribute("data-tags");
  // The theme's messages in the site's language (i18n search.script.*), each [one, other].
  var messages = JSON.parse(form.getAttribute("data-text") || "{}");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var hint = document.getElementById("search-hint");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 20;
  var MAX_PREFIX_SHARDS = 8;
  var SNIPPET = 240;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = new Int8Array(128);
  for (var a = 0; a < 64; a++) VALUE[ALPHABET.charCodeAt(a)] = a;
  // Must match SearchIndex.foldings.
  var FOLDINGS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h" };
  var ID = /(?:arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?![\p{L}\p{N}])/giu;
  var cache = new Map();
  var meta = null;
  var shardSet = null;
  var stopWords = new Set();
  var current = { hits: [], shown: 0, run: 0, words: [], indices: new Map() };

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

  // Runs a query. A word that matches no term of the index is replaced by the closest term
  // that does ("langauge" → "language"), and the results say so; when no replacement is close
  // enough, or no paper has every word, the papers with the most of the words are shown.
  function search(query, typed) {
    if (!meta) return;
    var run = ++current.run;
    var started = typed ? typed.started : performance.now();
    var words = parse(query);
    if (!typed) {
      list.textContent = "";
      hint.textContent = "";
      more.hidden = true;
    }
    if (words.length === 0) { status.textContent = query.trim() ? say("too_short") : ""; return; }
    if (!typed) status.textContent = say("searching");
    Promise.all(words.map(match)).then(function (results) {
      if (run !== current.run) return;
      var missing = words.filter(function (w, i) { return results[i].terms.length === 0 && !results[i].partial && !w.id; });
      if (missing.length && !typed) {
        return suggest(missing, words).then(function (corrected) {
          if (run !== current.run) return;
          if (corrected) return search(corrected, { query: query, started: started, missing: missing });
          return show(query, words, results, run, started, null);
        });
      }
      return show(query, words, results, run, started, typed);
    }).catch(function (error) {
      status.textContent = say("failed", { error: error.message });
    });
  }

  function show(query, words, results, run, started, typed) {
    var required = [], optional = [];
    results.forEach(function (r, i) { (r.partial ? optional : required).push(i); });
    if (required.length === 0) { required = optional; optional = []; }
    var hits = intersect(results, required);
    var partialMatch = false;
    if (hits.length === 0 && required.length > 1) { hits = best(results, required); partialMatch = hits.length > 0; }
    optional.forEach(function (i) { hits.forEach(function (h) { h[1] += results[i].scores[h[0]]; }); });
    // Ties: the higher document number first, that is the newer featured day (then by id).
    hits.sort(function (x, y) { return y[1] - x[1] || y[0] - x[0]; });
    current.hits = hits;
    current.shown = 0;
    current.words = words.map(function (w, i) { return { word: w, terms: new Set(results[i].terms) }; });
    current.indices = new Map();
    var shown = query.trim();
    if (hits.length === 0) {
      status.textContent = say("none", { query: shown });
    } else if (partialMatch) {
      status.textContent = say("partial", { query: shown, papers: count(hits.length) });
    } else {
      status.textContent = say("matches", { query: shown, papers: count(hits.length) }, hits.length);
    }
    hint.textContent = "";
    if (typed) {
      var missing = typed.missing.map(function (w) { return w.label; }).join("”, “");
      sayWithLink(hint, "corrected", { missing: missing, query: shown }, "link", queryLink(typed.query, true));
    }
    var short = words.filter(function (w, i) { return results[i].partial; });
    if (short.length && hits.length && !typed) hint.textContent = say("keep_typing", { word: short[0].label });
    return showMore(run, true).then(function () {
      if (run !== current.run) return;
      if (hits.length === 0 && !hint.firstChild) noneHint();
      // For Benchmarks/search-compare.js: how long the query took, and when it was drawn.
      document.body.setAttribute("data-search-ms", String(Math.round(performance.now() - started)));
      document.body.setAttribute("data-search-at", String(performance.now()));
    });
  }

  // A link that runs `query` (exactly as typed when `exact`: no correction).
  function queryLink(query, exact) {
    var link = document.createElement("a");
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    link.href = url.pathname + url.search;
    link.textContent = query;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = query;
      var address = new URL(window.location.href);
      address.searchParams.set("q", query);
      history.replaceState(null, "", address);
      if (exact) {
        var run = ++current.run, started = performance.now();
        var words = parse(query);
        Promise.all(words.map(match)).then(function (results) {
          if (run === current.run) show(query, words, results, run, started, null);
        });
      } else {
        search(query);
      }
    });
    return link;
  }

  function count(n) { return say("papers", { count: String(n) }, n); }

  // Message `name` for `n` (its one form when n is 1), with `{placeholders}` filled from `values`.
  function say(name, values, n) {
    var forms = messages[name] || [name, name];
    return (n === 1 ? forms[0] : forms[1]).replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }

  // Appends message `name` to `node` with the element `link` where `{slot}` stands.
  function sayWithLink(node, name, values, slot, link) {
    var marker = "\u0000";
    var filled = Object.assign({}, values);
    filled[slot] = marker;
    var parts = say(name, filled).split(marker);
    node.appendChild(document.createTextNode(parts[0]));
    node.appendChild(link);
    if (parts.length > 1) node.appendChild(document.createTextNode(parts.slice(1).join("")));
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

  // Optimal string alignment distance, stopping early above `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null, prev = [], row;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        row.push(v);
        if (v < low) low = v;
      }
      if (low > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  // The query with each word that matched nothing replaced by the closest term of the index that
  // starts like it (the same first three letters; at most one edit for a short word, two for a
  // longer one), the commoner on a tie; null when a word has none.
  function suggest(missing, words) {
    return Promise.all(missing.map(function (w) {
      var shards = shardsFor(w.text.slice(0, 3)) || shardsFor(w.text.slice(0, 4)) || [];
      return Promise.all(shards.map(function (k) { return load("terms/" + k + ".json"); })).then(function (tables) {
        var limit = w.text.length <= 4 ? 1 : 2;
        var found = null, foundDistance = limit + 1, foundSize = 0;
        tables.forEach(function (table) {
          Object.keys(table).forEach(function (term) {
            if (/^[0-9]/.test(term)) return;
            var d = distance(w.text, term, limit);
            var size = table[term].length;
            if (d < foundDistance || (d === foundDistance && d <= limit && size > foundSize)) {
              found = term; foundDistance = d; foundSize = size;
            }
          });
        });
        return found ? [w, found] : null;
      });
    })).then(function (pairs) {
      if (pairs.some(function (p) { return !p; })) return null;
      return words.map(function (w) {
        var pair = pairs.find(function (p) { return p[0] === w; });
        return pair ? pair[1] : w.label;
      }).join(" ");
    });
  }

  function noneHint() {
    hint.textContent = "";
    var link = document.createElement("a");
    link.href = tagsURL;
    link.textContent = say("tags_link");
    sayWithLink(hint, "fewer_words", {}, "tags", link);
  }

  function loadDocs(hits) {
    var shards = Array.from(new Set(hits.map(function (hit) { return Math.floor(hit[0] / meta.docsPerShard); })));
    return Promise.all(shards.map(function (n) { return load("docs/" + n + ".json"); })).then(function (tables) {
      var byShard = new Map(shards.map(function (n, i) { return [n, tables[i]]; }));
      return hits.map(function (hit) { return byShard.get(Math.floor(hit[0] / meta.docsPerShard))[hit[0] % meta.docsPerShard]; });
    });
  }

  // Does a folded token match query word `w` (as the index matched its terms)?
  function matchesWord(token, entry) {
    if (entry.terms.has(token)) return true;
    return entry.word.id ? false : entry.word.match(token) > 0;
  }

  // The first query word a token matches, or -1; remembered per query (results repeat their words).
  function wordIndex(token) {
    var index = current.indices.get(token);
    if (index === undefined) {
      index = -1;
      for (var i = 0; i < current.words.length && index < 0; i++) if (matchesWord(token, current.words[i])) index = i;
      current.indices.set(token, index);
    }
    return index;
  }

  // Reorders the first page by what only the documents show: the query's words in order (a
  // phrase, stop words aside) in the title (+50%) or else the abstract (+25%), every word in the
  // title (+20%), a title that starts with the query (+15%); then upvotes break ties.
  function rerank(hits, docs) {
    var n = current.words.length;
    function indices(text) {
      return tokenize(text).filter(function (t) { return !stopWords.has(t); }).map(wordIndex);
    }
    function hasPhrase(sequence) {
      for (var s = 0; s + n <= sequence.length; s++) {
        var k = 0;
        while (k < n && sequence[s + k] === k) k++;
        if (k === n) return true;
      }
      return false;
    }
    var keyed = hits.map(function (hit, i) {
      var title = indices(docs[i][1]);
      var bonus = 0;
      if (n > 1) {
        if (hasPhrase(title)) bonus += 0.5; else if (hasPhrase(indices(docs[i][6]))) bonus += 0.25;
        var seen = new Set(title.filter(function (w) { return w >= 0; }));
        if (seen.size === n) bonus += 0.2;
      }
      var k = 0;
      while (k < n && title[k] === k) k++;
      if (n > 0 && k === n) bonus += 0.15;
      return { hit: hit, doc: docs[i], score: hit[1] * (1 + bonus) };
    });
    keyed.sort(function (x, y) {
      return y.score - x.score || (y.doc[5] || 0) - (x.doc[5] || 0) || y.hit[0] - x.hit[0];
    });
    return keyed;
  }

  function showMore(run, first) {
    var slice = current.hits.slice(current.shown, current.shown + PAGE);
    current.shown += slice.length;
    return loadDocs(slice).then(function (docs) {
      if (run !== current.run) return;
      var ranked = first ? rerank(slice, docs) : slice.map(function (hit, i) { return { hit: hit, doc: docs[i] }; });
      if (first) for (var i = 0; i < ranked.length; i++) current.hits[i] = ranked[i].hit;
      ranked.forEach(function (r) { list.appendChild(card(r.doc)); });
      more.hidden = current.shown >= current.hits.length;
    });
  }

  // Appends `text` to `parent`, TeX in $…$ as the paper pages show it (a .math span, KaTeX when
  // the page has it) and matched words in <mark>.
  function rich(parent, text) {
    var math = /\$\$([\s\S]+?)\$\$|\$([^$]+)\$/g;
    var last = 0, m;
    while ((m = math.exec(text))) {
      marked(parent, text.slice(last, m.index));
      var display = m[1] !== undefined;
      var span = document.createElement("span");
      span.className = "math inline";
      span.textContent = "\\(" + (display ? m[1] : m[2]) + "\\)";
      renderMath(span);
      parent.appendChild(span);
      last = m.index + m[0].length;
    }
    marked(parent, text.slice(last));
  }

  // KaTeX (when the site has math) is loaded from this site the first time a result shows TeX, so
  // searches that show none do not pay for it; until it arrives the TeX shows as written.
  var katexLoading = false;
  function renderMath(span) {
    if (!window.katex) {
      span.setAttribute("data-pending", "");
      loadKatex();
      return;
    }
    var text = span.textContent;
    try {
      window.katex.render(text.slice(2, -2), span, { displayMode: false, throwOnError: true, output: "htmlAndMathml" });
    } catch (error) {
      span.title = say("tex_failed", { error: error.message });
    }
  }

  function loadKatex() {
    var script = form.getAttribute("data-katex-script");
    if (katexLoading || !script) return;
    katexLoading = true;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = form.getAttribute("data-katex-style");
    document.head.appendChild(style);
    var element = document.createElement("script");
    element.src = script;
    element.onload = function () {
      list.querySelectorAll(".math[data-pending]").forEach(function (span) {
        span.removeAttribute("data-pending");
        renderMath(span);
      });
    };
    document.head.appendChild(element);
  }

  function marked(parent, text) {
    var word = /[\p{L}\p{N}\p{M}]+/gu;
    var last = 0, m;
    while ((m = word.exec(text))) {
      var tokens = tokenize(m[0]);
      if (!tokens.length || !tokens.some(function (t) { return wordIndex(t) >= 0; })) continue;
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      parent.appendChild(mark);
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // The part of the abstract with the most query words, about SNIPPET characters, never cut
  // inside a word or inside $…$.
  function snippet(text) {
    if (!text) return "";
    var spans = [], math = /\$\$[\s\S]+?\$\$|\$[^$]+\$/g, m;
    while ((m = math.exec(text))) spans.push([m.index, m.index + m[0].length]);
    function outside(position, forward) {
      for (var i = 0; i < spans.length; i++) {
        if (position > spans[i][0] && position < spans[i][1]) return forward ? spans[i][1] : spans[i][0];
      }
      return position;
    }
    var hits = [], word = /[\p{L}\p{N}\p{M}]+/gu;
    while ((m = word.exec(text))) {
      var tokens = tokenize(m[0]);
      for (var t = 0; t < tokens.length; t++) {
        var w = wordIndex(tokens[t]);
        if (w >= 0) { hits.push([m.index, w]); break; }
      }
    }
    var start = 0;
    if (hits.length) {
      // The first window of SNIPPET - 40 characters from a hit with the most distinct words.
      var bestCount = -1, counts = new Array(current.words.length).fill(0), distinct = 0;
      for (var i = 0, j = 0; i < hits.length; i++) {
        for (; j < hits.length && hits[j][0] < hits[i][0] + SNIPPET - 40; j++) if (counts[hits[j][1]]++ === 0) distinct++;
        if (distinct > bestCount) { bestCount = distinct; start = hits[i][0]; }
        if (--counts[hits[i][1]] === 0) distinct--;
      }
      start = Math.max(0, start - 40);
    }
    if (text.length - start < SNIPPET) start = Math.max(0, text.length - SNIPPET);
    if (start > 0) { var space = text.indexOf(" ", start); start = space < 0 ? start : space + 1; }
    start = outside(start, false);
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) { var back = text.lastIndexOf(" ", end); end = back > start ? back : end; }
    end = outside(end, true);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function card(doc) {
    var item = document.createElement("li");
    item.className = "paper-card";
    var article = document.createElement("article");
    var heading = document.createElement("h2");
    heading.className = "paper-title";
    var link = document.createElement("a");
    link.href = base + doc[0];
    rich(link, doc[1]);
    heading.appendChild(link);
    var info = document.createElement("p");
    info.className = "meta";
    [doc[2], doc[3], doc[4].join(", ")].forEach(function (text, i) {
      if (!text) return;
      var span = document.createElement("span");
      if (i === 1) span.textContent = text; else marked(span, text);
      info.appendChild(span);
    });
    article.appendChild(heading);
    article.appendChild(info);
    var text = snippet(doc[6]);
    if (text) {
      var p = document.createElement("p");
      p.className = "search-snippet";
      rich(p, text);
      article.appendChild(p);
    }
    item.appendChild(article);
    return item;
  }

  more.addEventListener("click", function () { showMore(current.run, false); });
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(input.value); }, 100);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    update(input.value);
  });

  function update(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    search(query);
  }

  var initial = new URLSearchParams(window.location.search).get("q") || input.value;
  if (initial) input.value = initial;
  if (!initial) input.focus();
  load("meta.json").then(function (data) {
    meta = data;
    shardSet = new Set(meta.shards);
    stopWords = new Set(meta.stopWords || []);
    var query = input.value;
    if (query) search(query);
  }).catch(function (error) {
    status.textContent = say("failed", { error: error.message });
  });
})();
