// A relic page without network (inside the sanctuary): once the page has shown, the site's service
// worker (sw.js) keeps the page, its narration, captions and photos, and every scene of the tour
// at the tile levels this screen used. The button keeps the sharper levels too, and says their size.
// A visitor saving data (the browser's Data Saver) keeps nothing unasked: the button offers it all.
// The relic page fetches this script only where service workers run (http and https, 1.5 s after its load
// event); elsewhere (file://, old browsers) nothing happens.
(function (D, L) {
  var sw = navigator.serviceWorker, box = D.querySelector("[data-dinh-offline]"), HERE = D.currentScript.src;
  if (!sw || !box || !/^http/.test(L.protocol)) return;
  // Its words in every language of the site (the build puts them here): the page's own, else the first.
  var words = DINH_WORDS, say = box.lastChild, button = box.firstChild, t = function (k) { return words[k]; };
  words = words[D.documentElement.lang] || words[Object.keys(words)[0]];
  var pano = D.querySelector(".dinh-pano[data-scenes^='#']"), tour = pano && D.querySelector(pano.getAttribute("data-scenes"));
  var scenes = tour ? JSON.parse(tour.textContent).scenes : [], asked = 0, full = 0, kept = 0, checked = 0, timer;
  var lite = (navigator.connection || {}).saveData;
  // The address in an image's srcset this screen takes: the narrowest as wide as the image shows (in device
  // pixels; a hidden one as the window), else the widest.
  function pick(img) {
    var need = (img.clientWidth || innerWidth) * (devicePixelRatio || 1), best, widest;
    img.srcset.split(",").forEach(function (c) {
      var p = c.trim().split(/\s+/), w = parseFloat(p[1]) || 1;
      if (!widest || w > widest[1]) widest = [p[0], w];
      if (w >= need && (!best || w < best[1])) best = [p[0], w];
    });
    return new URL((best || widest)[0], L.href).href;
  }
  // The files the page names (styles, scripts, pictures, audio, captions, also in data- attributes);
  // with `all`, the large photos the gallery links to. A lazy image not loaded yet stays so (made eager, it
  // would be fetched twice, and a hidden one for nothing): its address is kept instead.
  function files(all) {
    var urls = [L.href.split("#")[0]], search = D.querySelector("a.search-link");
    // The same page in the site's other languages (a companion switches to English inside the đình); with
    // `all`, the search page with its index (which grows with the site) and script.
    D.querySelectorAll(".languages a[href]").forEach(function (a) { urls.push(a.href.split("#")[0]); });
    if (search && all) urls.push(search.href, new URL("index.js", search.href).href, new URL("search.js", HERE).href);
    [].forEach.call(D.querySelectorAll("*"), function (el) {
      if (el.currentSrc) urls.push(el.currentSrc);
      else if (el.srcset) urls.push(pick(el));
      [].forEach.call(el.attributes, function (a) {
        if (/^(src|poster|href|data-.*)$/.test(a.name) && /\.(css|js|jpe?g|png|svg|mp3|m4a|ogg|opus|vtt)$/i.test(a.value)
            && (a.name != "href" || el.tagName == "LINK" || all)) urls.push(new URL(a.value, L.href).href);
      });
    });
    return urls;
  }
  function save(all) {
    // Without network there is nothing to fetch: no button, and nothing kept behind the visitor's back
    // (it said "not everything could be kept" to a visitor who had asked for nothing).
    if (!navigator.onLine) { button.hidden = true; return; }
    // The finest tile level the viewer fetched here (it picks what the screen needs).
    var level = all ? 99 : 0, left = 0;
    performance.getEntriesByType("resource").forEach(function (r) {
      var m = /\/tiles\/[^\/]+\/(\d+)\//.exec(r.name);
      if (m && !all) level = Math.max(level, +m[1]);
    });
    if (all || !lite) sw.ready.then(function (reg) { reg.active.postMessage({ id: ++asked, page: L.href, lang: D.documentElement.lang, urls: files(all), scenes: scenes, level: level }); });
    if (all) { full = button.disabled = 1; say.textContent = t("saving"); return; }  // the button keeps its size
    JSON.parse(box.getAttribute("data-dinh-offline")).forEach(function (b) { b.forEach(function (n, l) { if (l > level || lite) left += n; }); });
    // In the page's language: "0,5 MB" in Vietnamese.
    button.textContent = t("label") + " (" + (left / 1e6).toLocaleString(document.documentElement.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + " MB)";
    button.hidden = !left || kept;
    // Kept by an earlier visit? The worker looks for every file the button would keep (once a visit:
    // nothing else keeps them while the page is open).
    if (left && !kept && !checked++) sw.ready.then(function (reg) { reg.active.postMessage({ id: asked, check: 1, page: L.href, urls: files(1), scenes: scenes, level: 99 }); });
  }
  sw.addEventListener("message", function (e) {
    var m = e.data || {}, state = m.failed ? "failed" : full || kept ? "saved" : "ready";
    if (m.id != asked) return;
    // What is kept unasked and could not all be fetched is not the visitor's failure to hear of.
    if (m.finished && m.failed && !full) return;
    if (m.off) { box.hidden = true; return; }  // a worker that keeps nothing (dinh serve's preview)
    if (m.checked) { if (m.kept && !full) { kept = button.hidden = 1; say.textContent = t("saved"); D.documentElement.setAttribute("data-dinh-offline", "saved"); } return; }
    if (!m.finished) { if (full) say.textContent = t("saving") + " " + Math.round(100 * m.done / m.total) + "%"; return; }
    button.disabled = false;
    if (full) { kept = button.hidden = !m.failed; full = 0; }  // all kept: nothing left to offer; else try again
    say.textContent = t(state);
    D.documentElement.setAttribute("data-dinh-offline", state);
  });
  button.onclick = function () { save(1); };
  box.hidden = false;
  // After the page and the first tiles (the page fetches this script 1.5 s after its load event: it is
  // not needed for the first view); again when the visitor walks to another scene.
  function later() { clearTimeout(timer); if (!full) timer = setTimeout(save, 1500); }
  if (D.readyState == "complete") save(); else addEventListener("load", later);
  if (pano) pano.addEventListener("dinh:scenechange", later);
  addEventListener("online", later);
  addEventListener("offline", function () { button.hidden = true; });
})(document, location);
