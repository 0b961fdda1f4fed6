// Daybook search, the page's part: the search box, the results, their snippets and marks. What
// a query finds comes from the engine, search-engine.js, which the search page runs inline in its
// head (it has usually asked for the query's shards and first documents before this script
// starts); see there for how words match and papers are ranked. On the first page, a phrase or a
// title that holds or starts with the query counts more, and ties go to upvotes, then the newer day.
"use strict";
(function () {
  var form = document.querySelector("form.search-form");
  if (!form || !window.fetch) return;
  var indexURL = form.getAttribute("data-index");
  if (window.daybookSearchEngine) {
    start(window.daybookSearchEngine);
  } else {
    // The page's inline engine did not run (a Content-Security-Policy that forbids inline
    // scripts, say): the same engine, from its file.
    var engineScript = document.createElement("script");
    engineScript.src = form.getAttribute("data-engine");
    engineScript.setAttribute("data-index", indexURL);
    engineScript.onload = function () { if (window.daybookSearchEngine) start(window.daybookSearchEngine); };
    document.head.appendChild(engineScript);
  }

  function start(engine) {
    var base = form.getAttribute("data-base");
    var tagsURL = form.getAttribute("data-tags");
    // The theme's messages in the site's language (i18n search.script.*), each [one, other].
    var messages = JSON.parse(form.getAttribute("data-text") || "{}");
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var hint = document.getElementById("search-hint");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var PAGE = engine.PAGE;
    var SNIPPET = 240;
    var load = engine.load, loadDoc = engine.loadDoc, tokenize = engine.tokenize, stopWords = engine.stopWords;
    var parse = engine.parse, find = engine.find, rank = engine.rank, shardsFor = engine.shardsFor;
    var ready = false;
    // The query in the address, which the engine started before this script ran: taken once.
    var started = engine.started;
    var current = { hits: [], shown: 0, run: 0, words: [], indices: new Map() };

    // Runs a query. A word that matches no term of the index is replaced by the closest term
    // that does ("langauge" → "language"), and the results say so; when no replacement is close
    // enough, or no paper has every word, the papers with the most of the words are shown.
    function search(query, typed) {
      if (!ready) return;
      var run = ++current.run;
      var began = typed ? typed.started : performance.now();
      var words = parse(query);
      if (!typed) {
        list.textContent = "";
        hint.textContent = "";
        more.hidden = true;
      }
      if (words.length === 0) { status.textContent = query.trim() ? say("too_short") : ""; return; }
      if (!typed) status.textContent = say("searching");
      var finding = started && started.query === query && !typed ? started.found : find(query);
      started = null;
      finding.then(function (found) {
        if (run !== current.run) return;
        var missing = found.missing;
        if (missing.length && !typed) {
          return suggest(missing, found.words).then(function (corrected) {
            if (run !== current.run) return;
            if (corrected) return search(corrected, { query: query, started: began, missing: missing });
            return show(query, found.words, found.results, run, began, null, null);
          });
        }
        return show(query, found.words, found.results, run, began, typed, found.ranked);
      }).catch(function (error) {
        status.textContent = say("failed", { error: error.message });
      });
    }

    // Draws what a query found; `ranked` is the engine's ranking of `results`, when it made it.
    function show(query, words, results, run, started, typed, ranked) {
      ranked = ranked || rank(results);
      var hits = ranked.hits;
      var partialMatch = ranked.partial;
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
          var run = ++current.run, began = performance.now();
          find(query).then(function (found) {
            if (run === current.run) show(query, found.words, found.results, run, began, null, found.ranked);
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

    // The first page is reordered by what only the documents show: the query's words in order (a
    // phrase, stop words aside) in the title (+50%) or else the abstract (+25%), every word in the
    // title (+20%), a title that starts with the query (+15%); then upvotes break ties. This is
    // one document's bonus.
    function bonus(doc) {
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
      var title = indices(doc[1]);
      var extra = 0;
      if (n > 1) {
        if (hasPhrase(title)) extra += 0.5; else if (hasPhrase(indices(doc[6]))) extra += 0.25;
        var seen = new Set(title.filter(function (w) { return w >= 0; }));
        if (seen.size === n) extra += 0.2;
      }
      var k = 0;
      while (k < n && title[k] === k) k++;
      if (n > 0 && k === n) extra += 0.15;
      return extra;
    }

    // Draws the next page of results. Each result's card is made as soon as its document arrives
    // (the documents come in waves over the browser's few connections), and the page's cards are
    // put in the list, in order, when the last one is made.
    function showMore(run, first) {
      var slice = current.hits.slice(current.shown, current.shown + PAGE);
      current.shown += slice.length;
      return Promise.all(slice.map(function (hit) {
        return loadDoc(hit[0]).then(function (doc) {
          if (run !== current.run) return null;
          return { hit: hit, doc: doc, score: first ? hit[1] * (1 + bonus(doc)) : 0, node: card(doc) };
        });
      })).then(function (ranked) {
        if (run !== current.run) return;
        if (first) {
          ranked.sort(function (x, y) {
            return y.score - x.score || (y.doc[5] || 0) - (x.doc[5] || 0) || y.hit[0] - x.hit[0];
          });
          for (var i = 0; i < ranked.length; i++) current.hits[i] = ranked[i].hit;
        }
        ranked.forEach(function (r) { list.appendChild(r.node); });
        more.hidden = current.shown >= current.hits.length;
        if (mathWaiting) loadKatex();
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
    // searches that show none do not pay for it; until it arrives the TeX shows as written. It is
    // asked for once the page of results is drawn, so that it does not hold up their documents.
    var katexLoading = false, mathWaiting = false;
    function renderMath(span) {
      if (!window.katex) {
        span.setAttribute("data-pending", "");
        mathWaiting = true;
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
    engine.ready.then(function () {
      ready = true;
      var query = input.value;
      if (query) search(query);
    }).catch(function (error) {
      status.textContent = say("failed", { error: error.message });
    });
  }
})();
