// The page's one narration player. While the 360° tour shows a scene with its own narration (the
// scene link's data-audio) it plays that, unless the guide is playing; otherwise the relic's guide (data-main), whose captions the
// page draws from the transcript's cues (data-s, data-e: no fetch, works from file://). A button offers
// the other recording (the scene's or the guide); a cue tapped plays the guide from there and is
// highlighted. Audio is fetched only when the visitor plays it, so what plays is named with the length
// the build read from its file (data-length). The caption shown is also put in the tour's data-cap: in
// full window, where the page below is hidden, viewer.css draws it over the view, and the player goes
// into the view's buttons, to pause or play the guide there.
(function () {
  var D = document, a = one('[data-dinh-narration]'), now = one('[data-dinh-now]');
  if (!a || !now) return;
  function one(s) { return D.querySelector(s); }
  function on(t, n, f, o) { t.addEventListener(n, f, o); }
  var line = one('[data-dinh-caption]'), other = one('[data-dinh-other]'),
      cues = D.querySelectorAll('[data-s]'), pano = one('.dinh-pano'),
      d = now.dataset, main = d.main, saved = 0, last = 0, shown = 0, scene, offered; // shown: the scene followed (0: none yet); last: the cue shown (none without a caption line)
  // A recording: its address, name and length (the guide's are on `now`, a scene's on its link).
  function guide() { return main && { src: main, name: d.general, len: d.length }; }
  function named(r) { return r.len ? r.name + ' (' + r.len + ')' : r.name; }
  function play() { a.play().catch(function () {}); } // a pause (the scene changed) may cut it short
  function seek(t) { // a new source not loaded yet would start again from 0
    if (a.readyState) a.currentTime = t; else on(a, 'loadedmetadata', function () { a.currentTime = t; }, { once: true });
  }
  function use(r) {
    var src = r.src, cur = a.getAttribute('src'), playing = !a.paused;
    now.lastChild.textContent = named(r);
    if (src != cur) {
      if (cur == main) saved = a.currentTime;
      a.pause();
      if (src) {
        a.src = src;
        if (src == main) seek(saved);
        if (playing) play();
      } else a.removeAttribute('src');
    }
    a.hidden = !src;
    offered = src == main ? scene : guide();
    if (other) {
      other.hidden = !offered;
      if (offered) other.textContent = other.dataset.play + ': ' + named(offered);
    }
    caption();
  }
  function follow(id) { // the viewer's first word names the scene already followed: the visitor's choice stays
    if (id == shown) return;
    shown = id;
    var link = id && one('a[href="#scene=' + id + '"][data-audio]');
    scene = link && { src: link.dataset.audio, name: link.textContent, len: link.dataset.length };
    // The guide tells of the whole relic: while it plays, walking on does not cut it (the button offers the
    // scene's clip beside it). Paused or ended, it gives way to a scene's own clip, and the button offers it
    // back from where it stopped.
    use(scene && (a.paused || a.getAttribute('src') != main) ? scene : guide() || { name: d.none });
  }
  function caption() {
    var t = a.currentTime, mine = main && a.getAttribute('src') == main, live = mine && (t > 0 || !a.paused) && !a.ended, cue = 0, text;
    if (line) line.hidden = !mine; // the captions are the guide's
    cues.forEach(function (c) {
      var hit = live && t >= c.dataset.s && t < c.dataset.e;
      if (hit) cue = c;
      c.classList.toggle('current', hit);
      c[hit ? 'setAttribute' : 'removeAttribute']('aria-current', 'true');
    });
    // In full window the page below the view is hidden: viewer.css shows the caption over it, from data-cap.
    if (cue !== last) {
      line.textContent = text = cue ? cue.lastChild.textContent.trim() : '';
      if (pano) pano.dataset.cap = text;
    }
    last = cue;
  }
  ['timeupdate', 'loadedmetadata', 'ended'].forEach(function (n) { on(a, n, caption); }); // a seek ends with a timeupdate
  if (other) on(other, 'click', function () { use(offered); play(); });
  cues.forEach(function (c) {
    on(c, 'click', function () { use(guide()); seek(+c.dataset.s); play(); });
  });
  var first = one('a[href^="#scene="]');
  follow(first && first.hash.slice(7));
  if (pano) {
    on(pano, 'dinh:scenechange', function (e) { follow(e.detail.scene); });
    // Moved at once, the player plays on (it pauses only when left out of the page).
    var home = a.parentNode, next = a.nextSibling;
    on(pano, 'dinh:full', function (e) { e.detail ? one('.dinh-bar').prepend(a) : home.insertBefore(a, next); });
    if (pano.dinhViewer) follow(pano.dinhViewer.state().scene);
  }
})();
