// Search over the site's relics, products, producers and pages in the page's language, with no
// server: the index (`dinhIndex`, search/index.js, made by SearchIndex.swift) comes as a script, as a
// page opened from disk may not fetch files. Text is folded as Dinh folds it (Fold in DinhCore: NFD,
// lower case, no marks, đ → d), so "dinh ha mo" finds "Đình Hạ Mỗ"; the last word may be unfinished;
// a word typed with diacritics ranks the names that have it exactly first ("Hà" before "Hạ"). A word
// found in a name counts more than one found in the other text (kind, producer, address, description).
(function (root) {
  var MARKS = /\p{Mn}/gu, WORD = /[\p{L}\p{N}]+/gu, RAW = /[\p{L}\p{N}\p{M}]+/gu, NOT_SLUG = /[^a-z0-9]+/;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", LIMIT = 50;

  // Lower case one code point at a time, as Swift's `lowercaseMapping` (no final-sigma context).
  function lower(s) { return Array.from(s, function (c) { return c.toLowerCase(); }).join(""); }
  function fold(s) { return lower(s.normalize("NFD")).replace(MARKS, "").replace(/đ/g, "d"); }
  function words(s) { return fold(s).match(WORD) || []; }
  function starts(w, p) { return w.lastIndexOf(p, 0) === 0; }

  // The items (of n) that have one word, as SearchIndex.list wrote them: their numbers as gaps; after
  // "~" the numbers of those that do not have it; after "!" a bitmap, six items a digit.
  function decode(s, n) {
    var out = [], v = 0, prev = -1, k;
    if (s.charAt(0) === "~") {
      var missing = {};
      decode(s.slice(1)).forEach(function (m) { missing[m] = true; });
      for (k = 0; k < n; k++) if (!missing[k]) out.push(k);
      return out;
    }
    if (s.charAt(0) === "!") {
      for (k = 0; k < n; k++) if (DIGITS.indexOf(s.charAt(1 + Math.floor(k / 6))) >> (k % 6) & 1) out.push(k);
      return out;
    }
    for (var i = 0; i < s.length; i++) {
      var d = DIGITS.indexOf(s.charAt(i));
      v = v * 32 + (d & 31);
      if (d < 32) { prev += v + 1; out.push(prev); v = 0; }
    }
    return out;
  }

  // `vocabulary`: every word of the site once, the names' first (for nearWords).
  function load(ix) {
    var out = {
      kinds: ix.k, folders: ix.p, words: ix.w ? ix.w.split(" ") : [], postings: ix.o ? ix.o.split(" ") : [],
      docs: ix.d.map(function (d, i) {
        var f = words(d[1]);
        return { i: i, kind: d[0], name: d[1], slug: d[2] || fold(d[1]).split(NOT_SLUG).filter(Boolean).join("-"),
                 fw: f, ff: " " + f.join(" ") + " ", raw: (d[1].normalize("NFC").match(RAW) || []).map(lower) };
      })
    }, known = {};
    out.vocabulary = [].concat.apply([], out.docs.map(function (d) { return d.fw; })).concat(out.words)
      .filter(function (w) { return !known[w] && (known[w] = 1); });
    return out;
  }

  // The query's words, folded, each with its typed form when that had diacritics.
  function terms(query) {
    var out = [];
    (query.normalize("NFC").match(RAW) || []).forEach(function (r) {
      var f = words(r), typed = lower(r);
      f.forEach(function (w) { out.push({ f: w, raw: f.length === 1 && typed !== w ? typed : null }); });
    });
    return out;
  }

  // Items having every word of the query, best first: a name's word 10 (6 if begun), another
  // text's 3 (2), +8 for a name word typed with its diacritics, +8 when the name starts with the
  // query, +5 when it has it elsewhere; then shorter names, then relics, products, producers, pages.
  function search(ix, query) {
    var q = terms(query), open = !/\s$/.test(query);
    if (!q.length) return [];
    var other = q.map(function (t, j) {
      var hits = {}, begun = open && j === q.length - 1;
      ix.words.forEach(function (w, k) {
        var s = w === t.f ? 3 : begun && starts(w, t.f) ? 2 : 0;
        if (s) decode(ix.postings[k], ix.docs.length).forEach(function (n) { if ((hits[n] || 0) < s) hits[n] = s; });
      });
      return hits;
    });
    var phrase = " " + q.map(function (t) { return t.f; }).join(" ") + (open ? "" : " "), out = [];
    ix.docs.forEach(function (doc) {
      var score = 0;
      for (var j = 0; j < q.length; j++) {
        var t = q[j], begun = open && j === q.length - 1, best = other[j][doc.i] || 0;
        doc.fw.forEach(function (w) { best = Math.max(best, w === t.f ? 10 : begun && starts(w, t.f) ? 6 : 0); });
        if (!best) return;
        if (t.raw && doc.raw.some(function (r) { return r === t.raw || (begun && starts(r, t.raw)); })) best += 8;
        score += best;
      }
      var at = doc.ff.indexOf(phrase);
      if (at >= 0) score += at === 0 ? 8 : 5;
      out.push({ doc: doc, score: score });
    });
    return out.sort(function (a, b) {
      return b.score - a.score || a.doc.fw.length - b.doc.fw.length || a.doc.kind - b.doc.kind || a.doc.i - b.doc.i;
    });
  }

  // A code typed from a board with a slip (DP1 or DP10 for DP01, PD01): the code of the site it most
  // likely is, by its number without leading zeros or one letter off; null for any other query.
  var CODE = /^[a-z]{1,11}[0-9][a-z0-9]*$/;
  function nearCode(ix, query) {
    var q = query.trim().toLowerCase(), bare = function (w) { return w.replace(/(^|\D)0+(?=\d)/g, "$1"); }, best = null;
    if (!CODE.test(q) || q.length > 12) return null;
    ix.words.forEach(function (w) {
      if (w === q || !CODE.test(w)) return;
      var d = bare(w) === bare(q) ? 0 : distance(w, q);
      if (d <= 1 && (!best || d < best[1])) best = [w, d];
    });
    return best && best[0];
  }
  // A query with a slip in a word ("che lamm", "dai phug"): each word of four letters or more that no item
  // has becomes the word of the site one letter off that, with the others, finds the most (a name's word
  // first, on a tie); null when none does.
  function nearWords(ix, query) {
    var q = terms(query).map(function (t) { return t.f; }), fixed = 0;
    q.forEach(function (w, i) {
      if (w.length < 4 || ix.vocabulary.indexOf(w) >= 0) return;
      var best = null, most = 0;
      ix.vocabulary.forEach(function (v) {
        if (Math.abs(v.length - w.length) > 1 || distance(v, w) !== 1) return;
        var found = search(ix, q.slice(0, i).concat(v, q.slice(i + 1)).join(" ") + " ").length;
        if (found > most) { best = v; most = found; }
      });
      if (best) { q[i] = best; fixed++; }
    });
    return fixed ? q.join(" ") : null;
  }
  function distance(a, b) { // Damerau–Levenshtein, swaps of two letters counted once
    var d = [];
    for (var i = 0; i <= a.length; i++) { d[i] = [i]; for (var j = 1; j <= b.length; j++) d[i][j] = i ? 0 : j; }
    for (i = 1; i <= a.length; i++) for (j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
    return d[a.length][b.length];
  }

  var api = { fold: fold, words: words, decode: decode, load: load, search: search, nearCode: nearCode, nearWords: nearWords };
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;
  root.dinhSearch = api;

  var form = document.querySelector(".search-form"), list = document.getElementById("search-results");
  var status = document.querySelector(".search-status"), input = form && form.elements.q;
  if (!input || !list || !status || !root.dinhIndex) return;
  var ix = load(root.dinhIndex), base = list.getAttribute("data-base"), disk = location.protocol === "file:";

  function show(remember) {
    var query = input.value, hits = search(ix, query), near = !hits.length && nearCode(ix, query),
        meant = !hits.length && !near && nearWords(ix, query), q = terms(query);
    if (near) hits = search(ix, near);
    else if (meant) hits = search(ix, meant);
    list.textContent = "";
    hits.slice(0, LIMIT).forEach(function (hit) {
      var doc = hit.doc, li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("span");
      // From disk a folder's address shows the folder, not its page (the layout's click handler
      // mends links too, but a custom layout may not have it; and a long press opens the href).
      a.href = base + ix.folders[doc.kind] + doc.slug + "/" + (disk ? "index.html" : "");
      a.appendChild(document.createTextNode(doc.name));
      kind.className = "search-kind";
      kind.textContent = ix.kinds[doc.kind];
      a.appendChild(kind);
      li.appendChild(a);
      list.appendChild(li);
    });
    // Nothing found: fewer words where each word alone finds something, else the spelling.
    var said = near ? status.getAttribute("data-near").replace("{code}", query.trim().toUpperCase()).replace("{near}", near.toUpperCase())
      : meant && hits.length ? status.getAttribute("data-near-words").replace("{query}", query.trim()).replace("{near}", meant)
      : hits.length ? (hits.length == 1 && status.getAttribute("data-one") || status.getAttribute("data-count")).replace("{count}", hits.length)
      : status.getAttribute(q.length > 1 && q.every(function (t) { return search(ix, t.f).length; }) ? "data-none" : "data-none-word");
    status.textContent = query.trim() ? said : "";
    // The query stays in the address: Back from a result comes back to the same results.
    if (remember) try { history.replaceState(null, "", location.pathname + (query.trim() ? "?q=" + encodeURIComponent(query) : "")); } catch (e) {}
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); show(true); });
  input.addEventListener("input", function () { show(true); });
  addEventListener("pageshow", function () { show(false); });
  var given = /[?&]q=([^&]*)/.exec(location.search);
  if (given && !input.value) input.value = decodeURIComponent(given[1].replace(/\+/g, " "));
  show(false);
  if (!input.value) input.focus();
})(this);
