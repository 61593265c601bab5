// A relic page without network (inside the sanctuary): once the page has shown, the site's service
// worker (sw.js) keeps the page, its narration, captions and photos, and every scene of the tour
// at the tile levels this screen used. The button keeps the sharper levels too, and says their size.
// Nothing happens where service workers are not available (file://, old browsers).
(function () {
  var sw = navigator.serviceWorker, box = document.querySelector("[data-dinh-offline]");
  if (!sw || !box || !/^https?:$/.test(location.protocol)) return;
  var status = box.querySelector("[role=status]"), button = box.querySelector("button"), html = document.documentElement;
  var bytes = JSON.parse(box.getAttribute("data-dinh-offline")), pano = document.querySelector(".dinh-pano[data-scenes]"), scenes = [];
  var tour = pano && /^#/.test(pano.getAttribute("data-scenes")) && document.getElementById(pano.getAttribute("data-scenes").slice(1));
  if (tour) scenes = JSON.parse(tour.textContent).scenes.map(function (s) {
    return { base: new URL(s.base, location.href).href, tileSize: s.tileSize, levels: s.levels };
  });
  var asked = 0, full = false, timer = 0;
  // The finest tile level the viewer fetched here (it picks what the screen needs).
  function used() {
    var top = 0;
    performance.getEntriesByType("resource").forEach(function (r) {
      var m = /\/tiles\/[^\/]+\/(\d+)\//.exec(r.name);
      if (m && +m[1] > top) top = +m[1];
    });
    return top;
  }
  // Every file the page names: styles, scripts, pictures, audio and captions (also those the
  // narration switches to, in data- attributes); with `all`, the large photos the gallery links to.
  function files(all) {
    var urls = [location.href.split("#")[0]];
    [].forEach.call(document.querySelectorAll("*"), function (el) {
      if (el.loading === "lazy") el.loading = "eager";
      if (el.currentSrc) urls.push(el.currentSrc);
      [].forEach.call(el.attributes, function (a) {
        if (/^(src|poster|href|data-[\w-]+)$/.test(a.name) && /\.(css|js|jpe?g|png|svg|mp3|m4a|ogg|opus|vtt)$/i.test(a.value)
            && (a.name !== "href" || el.tagName === "LINK" || all)) urls.push(new URL(a.value, location.href).href);
      });
    });
    return urls;
  }
  function save(all) {
    var level = all ? 99 : used();
    sw.ready.then(function (reg) {
      reg.active.postMessage({ id: ++asked, urls: files(all), scenes: scenes, level: level });
    });
    if (all) { full = true; button.disabled = true; status.textContent = box.getAttribute("data-saving"); }
    var left = 0;
    bytes.forEach(function (levels) { levels.forEach(function (b, l) { if (l > level) left += b; }); });
    button.textContent = box.getAttribute("data-label") + " (" + (left / 1e6).toFixed(1) + " MB)";
    button.hidden = !left && !full;
  }
  sw.addEventListener("message", function (e) {
    var m = e.data || {};
    if (m.id !== asked) return;
    if (!m.finished) { if (full) status.textContent = box.getAttribute("data-saving") + " " + Math.round(100 * m.done / m.total) + "%"; return; }
    button.disabled = false;
    status.textContent = box.getAttribute(m.failed ? "data-failed" : full ? "data-saved" : "data-ready");
    html.setAttribute("data-dinh-offline", m.failed ? "failed" : full ? "saved" : "ready");
  });
  button.addEventListener("click", function () { save(true); });
  box.hidden = false;
  // After the page and the first tiles; again when the visitor walks to another scene.
  function later() { clearTimeout(timer); if (!full) timer = setTimeout(function () { save(false); }, 1500); }
  if (document.readyState === "complete") later(); else addEventListener("load", later);
  if (pano) pano.addEventListener("dinh:scenechange", later);
})();
