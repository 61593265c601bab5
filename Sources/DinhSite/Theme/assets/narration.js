// The page's one narration player. While the 360° tour shows a scene with its own narration (the
// scene link's data-audio) it plays that; otherwise the relic's guide (data-main), whose captions the
// page draws from the transcript's cues (data-s, data-e: no fetch, works from file://). A cue tapped
// plays from there; the current one is highlighted. Audio is fetched only when the visitor plays it, so
// what plays is named with the length the build read from its file (data-length).
(function () {
  var D = document, a = D.querySelector('audio[data-dinh-narration]'), now = D.querySelector('[data-dinh-now]');
  if (!a || !now) return;
  var line = D.querySelector('[data-dinh-caption]'), cues = [].slice.call(D.querySelectorAll('[data-s]'));
  var main = now.getAttribute('data-main'), pano = D.querySelector('.dinh-pano'), saved = 0, last;
  function seek(t) { // a new source not loaded yet would start again from 0
    if (a.readyState) a.currentTime = t; else a.addEventListener('loadedmetadata', function () { a.currentTime = t; }, { once: true });
  }
  function use(src, label, from) { // from: the element whose data-length is src's
    var cur = a.getAttribute('src') || '', playing = !a.paused, len = from && from.getAttribute('data-length');
    now.lastChild.textContent = len ? label + ' (' + len + ')' : label;
    if (src == cur) return;
    if (cur == main) saved = a.currentTime;
    a.pause();
    if (src) a.src = src; else a.removeAttribute('src');
    a.hidden = !src;
    if (src && src == main && saved) seek(saved);
    if (src && playing) a.play();
    caption();
  }
  function follow(id) {
    var link = pano && id && D.querySelector('a[href="#scene=' + id + '"]');
    var own = link && link.getAttribute('data-audio');
    use(own || main, own ? link.textContent : now.getAttribute(main ? 'data-general' : 'data-none'), own ? link : main && now);
  }
  function caption() {
    var t = a.currentTime, on = a.getAttribute('src') == main && (t > 0 || !a.paused), cue = null;
    cues.forEach(function (c) {
      var hit = on && t >= +c.getAttribute('data-s') && t < +c.getAttribute('data-e');
      if (hit) cue = c;
      c.classList.toggle('current', hit);
      if (hit) c.setAttribute('aria-current', 'true'); else c.removeAttribute('aria-current');
    });
    if (line && cue !== last) line.textContent = cue ? cue.lastChild.textContent.trim() : '';
    last = cue;
  }
  ['timeupdate', 'seeked', 'loadedmetadata'].forEach(function (n) { a.addEventListener(n, caption); });
  cues.forEach(function (c) {
    c.addEventListener('click', function () {
      use(main, now.getAttribute('data-general'), now);
      seek(+c.getAttribute('data-s'));
      a.play();
      caption();
    });
  });
  if (pano) {
    pano.addEventListener('dinh:scenechange', function (e) { follow(e.detail.scene); });
    if (pano.dinhViewer) follow(pano.dinhViewer.state().scene);
  }
})();
