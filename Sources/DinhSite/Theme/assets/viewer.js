// Dinh panorama viewer: cube tiles drawn by WebGL, or by CSS 3D transforms of <img> tiles where WebGL may
// not read them (file://, tiles from another origin: texImage2D throws SecurityError) or cannot start (a
// browser that does not trust the phone's graphics); that renderer, viewer-css3d.js beside this file, is
// loaded only then. No dependencies.
// Markup: <div class="dinh-pano" data-scenes="#id"> (the id of a <script type="application/json">) holding
//   the fallback (an <img class="dinh-pano-fallback">…), hidden while the viewer runs, shown again with a
//   message when the view cannot start. Links to "#scene=ID" anywhere in the page get aria-current.
//   With scripts on, viewer.css keeps the fallback hidden (and so not fetched) until the container has the
//   class dinh-pano--off: the viewer adds it when the view cannot start, and the page when this script
//   does not load (its onerror) or has not started after a while; a viewer that starts late removes it.
//   The container is in no form: the viewer's buttons need no type="button".
// JSON (DinhPanorama.TourDescription): {"scenes":[scene…],"strings":{key:text}}, first scene = entry; strings:
//   view, fullscreen, gyro, close, north, zoomIn, zoomOut, scenes, loading, fail, weak, retry (the build gives them all);
//   scene {"id","title","base","tileSize","levels":[faceSize…, coarsest first],"preview","view"?:{"yaw",
//   "pitch","fov"},"north"?,"hotspots":[{"yaw","pitch","scene","label"}|{"yaw","pitch","text"}]}.
//   "base" (tile folder, ends in "/") is relative to the page.
//   Tiles: base+"L/{f|r|b|l|u|d}{row}_{col}.jpg", preview: base+"preview.jpg" (faces side by side).
// Conventions as DinhPanorama/CubeFace.swift: OpenGL axes, yaw 0 looks along -z, +yaw turns right,
//   +pitch looks up; fov (degrees) spans the longer side, never narrower than the finest tiles can show.
// Hash: #scene=ID&yaw=Y&pitch=P&fov=F opens that view and follows it. Events on the container:
//   "dinh:scenechange" (detail.scene), "dinh:full" (detail: true in fullscreen or full window, false
//   back in the page; where the page below is hidden, the page may put its own controls in the view's
//   button bar, .dinh-bar); container.dinhViewer = {go(id), state()}.
(function () {
  var D = document, W = window, M = Math, RAD = M.PI / 180,
      FACES = 'frblud', HERE = D.currentScript && D.currentScript.src, DISK = location.protocol == 'file:',
      reduced = matchMedia('(prefers-reduced-motion:reduce)'), notes = 0;  // notes: viewers' popups, for their ids

  // Direction through face coordinates a (left to right), b (top to bottom) in [-1, 1].
  function dir(f, a, b) {
    return f == 'f' ? [a, -b, -1] : f == 'r' ? [1, -b, a] : f == 'b' ? [-a, -b, 1] : f == 'l' ? [-1, -b, -a] : f == 'u' ? [a, 1, -b] : [a, -1, b];
  }
  // Face and coordinates hit by a direction (inverse of dir).
  function hit(d) {
    var x = d[0], y = d[1], z = d[2], ax = M.abs(x), ay = M.abs(y), az = M.abs(z);
    if (ax >= ay && ax >= az) return x > 0 ? ['r', z / ax, -y / ax] : ['l', -z / ax, -y / ax];
    if (az >= ay) return z < 0 ? ['f', x / az, -y / az] : ['b', -x / az, -y / az];
    return y > 0 ? ['u', x / ay, -z / ay] : ['d', x / ay, z / ay];
  }
  function dot(a, b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
  function look(yaw, pitch) {
    var cp = M.cos(pitch * RAD);
    return [cp * M.sin(yaw * RAD), M.sin(pitch * RAD), -cp * M.cos(yaw * RAD)];
  }
  function el(tag, cls, parent, attrs) {
    var e = D.createElement(tag);
    e.className = cls;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return parent.appendChild(e);
  }
  function on(t, n, f, o) { t.addEventListener(n, f, o); }
  function needCSS(done) { // loads the CSS 3D renderer once
    if (W.dinhCSS3D) return done();
    var s = D.createElement('script');
    s.src = new URL('viewer-css3d.js', HERE).href;
    s.onload = done;
    D.head.appendChild(s);
  }
  function clamp(v, lo, hi) { return v < lo ? lo : v > hi ? hi : v; }
  function wrap(y) { return ((y + 180) % 360 + 360) % 360 - 180; }
  // Live: the viewer's stage replaces the fallback (kept, hidden); off: the fallback is back, the stage hidden.
  function setLive(root, live) {
    [].forEach.call(root.children, function (c) { c.hidden = live || c.classList.contains('dinh-stage'); });
    root.classList.toggle('dinh-pano--live', live);
    root.classList.toggle('dinh-pano--off', !live);
  }
  // The fallback comes back, with a message, when the view cannot start.
  function fail(root, text) {
    setLive(root, false);
    if (text && !root.querySelector('.dinh-msg')) el('p', 'dinh-msg', root, { role: 'alert' }).textContent = text;
  }

  // `css`: draw with the CSS 3D renderer (viewer-css3d.js, loaded), else WebGL; without WebGL it is null
  // (the page tries the CSS renderer).
  function Viewer(root, tour, css) {
    var S = tour.strings || {},
        R = css ? css3d() : webgl(), switching = 0;
    if (!R) { if (css) fail(root, S.fail); return null; }

    // Stage: title and scene list, view, hotspots, loading label, controls, popup. The fallback stays, hidden.
    setLive(root, true);
    // The scene's name wraps (a <select> shows one line, cut): drawn by a span, under the list, which is
    // transparent and covers it (the list names the scene to screen readers: the span is hidden from them).
    var stage = el('div', 'dinh-stage', root), top = el('div', 'dinh-top', stage), box = el('div', 'dinh-sel', top),
        many = tour.scenes[1], title = el('span', '', box, many && { 'aria-hidden': 'true' }),
        sel = many && el('select', '', box, { 'aria-label': S.scenes });
    if (sel) {
      tour.scenes.forEach(function (s) { el('option', '', sel, { value: s.id }).textContent = s.title; });
      on(sel, 'change', function () { go(sel.value, null, true); });
    }
    var pane = el('div', 'dinh-view', stage, { tabindex: 0, role: 'img' });
    pane.appendChild(R.el);
    // The status line: loading, and (not shown) the scene the visitor went to; under the hotspots (a label
    // stays whole where the loading label shows, on a narrow view below the title).
    var load = el('p', 'dinh-load', stage, { role: 'status' }), loadText = load.appendChild(D.createTextNode('')),
        said = el('span', 'visually-hidden', load), loadPct = el('span', '', load, { 'aria-hidden': 'true' }),
        layer = el('div', 'dinh-spots', stage), bar = el('div', 'dinh-bar', stage);
    function button(cls, label, text, fn, parent) {
      var b = el('button', cls, parent || bar, { 'aria-label': label, title: label });
      b.textContent = text;
      on(b, 'click', fn);
      return b;
    }
    var compass = button('dinh-compass', S.north, '', function () { turnTo(scene.north, 0); }, top);
    el('span', 'dinh-needle', compass);  // a button's content is not read: its label is
    var gyroBtn = 'DeviceOrientationEvent' in W && matchMedia('(pointer:coarse)').matches && button('dinh-gyro', S.gyro, '', toggleGyro),
        fsBtn = button('dinh-fs', S.fullscreen, '', toggleFull);
    function press(b, pressed) { b && b.setAttribute('aria-pressed', pressed); } // a boolean is written "true" or "false"
    press(gyroBtn, false); press(fsBtn, false);
    var zoomer = el('div', 'dinh-zoom', bar);
    button('', S.zoomOut, '−', function () { zoom(1.25); }, zoomer);
    button('', S.zoomIn, '+', function () { zoom(1 / 1.25); }, zoomer);
    // A note: a dialog named by its text.
    var note = 'dinh-note' + notes++, pop = el('div', 'dinh-pop', stage, { role: 'dialog', 'aria-labelledby': note });
    pop.hidden = true;
    var popText = el('p', '', pop, { id: note }), popClose = el('button', 'dinh-pop-close', pop), popOwner = null;
    popClose.textContent = S.close;
    on(popClose, 'click', closePop);

    // A scene's opening view when the tour gives none (the build leaves this one unsaid).
    var byId = {}, VIEW = { yaw: 0, pitch: 0, fov: 90 };
    tour.scenes.forEach(function (s) { byId[s.id] = s; });
    var scene = null, yaw = 0, pitch = 0, fov = 90, level = 0, gen = 0, asked = 0, got = 0,
        tiles = {}, preview = null, queue = [], loading = 0, spots = [],
        quiet, dirty = 1, frame = 0, cw = 1, ch = 1, width = 1, height = 1, fx = 1, fy = 1, basis = null, anim = null, hashTimer = 0;

    function vfov() { // fov spans the longer side
      return width >= height ? 2 * M.atan(M.tan(fov * RAD / 2) * height / width) / RAD : fov;
    }
    // Narrowest fov: a texel of the finest level per CSS pixel along the longer side, at the centre.
    function minFov() {
      return scene ? clamp(2 * M.atan(M.max(cw, ch) / scene.levels[scene.levels.length - 1]) / RAD, 30, 120) : 30;
    }
    function camera() { // right, up, forward; focal lengths fx, fy in half-view units
      var sy = M.sin(yaw * RAD), cy = M.cos(yaw * RAD), sp = M.sin(pitch * RAD), cp = M.cos(pitch * RAD);
      basis = [[cy, 0, sy], [-sp * sy, cp, sp * cy], look(yaw, pitch)];
      fy = 1 / M.tan(vfov() * RAD / 2); fx = fy * height / width;
    }
    // Screen position (CSS pixels) of a direction, or null when behind the viewer.
    function project(d) {
      var w = dot(d, basis[2]);
      if (w <= 1e-3) return null;
      var x = fx * dot(d, basis[0]) / w, y = fy * dot(d, basis[1]) / w;
      return [(x + 1) / 2 * cw, (1 - y) / 2 * ch];
    }
    function pickLevel() { // coarsest level with a texel per device pixel at the centre; none if tiles exceed the GPU limit
      var need = height * fy * .9, n = scene.levels.length, i = 0;
      while (i < n - 1 && scene.levels[i] < need) i++;
      return scene.tileSize <= R.max ? i : -1;
    }
    // Tiles at level L seen through a grid of rays over the view.
    function visible(L) {
      var out = {}, n = scene.levels[L] / scene.tileSize, B = basis;
      for (var i = 0; i <= 8; i++) for (var j = 0; j <= 8; j++) {
        var sx = (i / 4 - 1) / fx, sy = (j / 4 - 1) / fy,
            h = hit([0, 1, 2].map(function (a) { return B[2][a] + sx * B[0][a] + sy * B[1][a]; })),
            c = clamp(M.floor((h[1] + 1) / 2 * n), 0, n - 1), r = clamp(M.floor((h[2] + 1) / 2 * n), 0, n - 1);
        out[L + '/' + h[0] + r + '_' + c] = [L, h[0], r, c];
      }
      return out;
    }
    // A request lost on a weak network (rural 4G, thick walls) is made again, three times over
    // seven seconds (`n`: times so far), as long as the scene is the same.
    function fetchImage(url, done, n) {
      var g = gen, img = new Image();
      if (!n) { n = 0; asked++; progress(); }
      img.onload = img.onerror = function (e) {
        if (g != gen) return;
        if (e.type == 'load' || n > 2) { got++; done(e.type == 'load' ? img : null); progress(); }
        else setTimeout(function () { g == gen && fetchImage(url, done, n + 1); }, 1e3 << n);
      };
      img.src = url;
      return img;
    }
    function url(path) { return scene.base + path; }
    // Uploads an image; WebGL refusing it (SecurityError) switches to the CSS renderer.
    function upload(img, q) {
      if (switching) return null;
      try { return R.tex(img, q); } catch (e) {
        if (e.name != 'SecurityError') throw e;
        var v = { yaw: yaw, pitch: pitch, fov: fov };
        release(); switching = 1;
        needCSS(function () { R.el.remove(); R = css3d(); pane.appendChild(R.el); switching = 0; show(scene, v); });
        return null;
      }
    }
    function pump() {
      while (!switching && loading < 4 && queue.length) {
        var q = queue.shift(), key = q[0] + '/' + q[1] + q[2] + '_' + q[3];
        if (tiles[key]) continue;
        var t = tiles[key] = { q: q, tex: null, used: frame };
        loading++;
        t.img = fetchImage(url(key + '.jpg'), (function (t) {
          return function (img) {
            loading--; t.img = null;
            if (img) { t.tex = upload(img, t.q); evict(); }
            changed(); pump();
          };
        })(t));
      }
    }
    // The 64 tiles used last stay (about 64 MB on the GPU, fine for cheap phones).
    function evict() {
      Object.keys(tiles).filter(function (k) { return tiles[k].tex && tiles[k].q[0] > 0; })
        .sort(function (a, b) { return tiles[a].used - tiles[b].used; })
        .slice(0, -64).forEach(function (k) { R.free(tiles[k].tex); delete tiles[k]; });
    }
    function request() {
      if (level < 0) return;
      queue = [];
      var want = [visible(0)];
      if (level > 0) want.push(visible(level));
      want.forEach(function (set) {
        for (var key in set) { if (tiles[key]) tiles[key].used = frame; else queue.push(set[key]); }
      });
      pump();
    }
    // Loading label: shown while the preview or tiles of the view are on their way.
    function progress() {
      var on = asked > got;
      load.classList.toggle('dinh-on', on);
      stage.classList.toggle('dinh-wait', !preview);
      loadText.nodeValue = on ? S.loading : '';
      loadPct.textContent = on ? ' ' + M.round(100 * got / asked) + '%' : '';
      if (!on) asked = got = 0;
    }

    // WebGL: a quad per tile, the preview under the tiles.
    function webgl() {
      var c = D.createElement('canvas'),
          gl = c.getContext('webgl', { alpha: false, antialias: false, preserveDrawingBuffer: true });
      if (!gl) return null;
      var prog = gl.createProgram(), U = {};
      [[gl.VERTEX_SHADER, 'attribute vec2 p;uniform mat4 m;uniform vec3 o,u,v;uniform vec4 t;varying vec2 c;' +
        'void main(){c=t.xy+p*t.zw;gl_Position=m*vec4(o+p.x*(u-o)+p.y*(v-o),1.);}'],
       [gl.FRAGMENT_SHADER, 'precision mediump float;uniform sampler2D s;varying vec2 c;void main(){gl_FragColor=texture2D(s,c);}']
      ].forEach(function (s) {
        var sh = gl.createShader(s[0]);
        gl.shaderSource(sh, s[1]); gl.compileShader(sh); gl.attachShader(prog, sh);
      });
      gl.bindAttribLocation(prog, 0, 'p');
      gl.linkProgram(prog);
      if (!gl.getProgramParameter(prog, gl.LINK_STATUS)) return null;
      gl.useProgram(prog);
      'mouvts'.split('').forEach(function (n) { U[n] = gl.getUniformLocation(prog, n); });
      gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
      gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
      gl.enableVertexAttribArray(0);
      gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
      on(c, 'webglcontextlost', function (e) { e.preventDefault(); frame = -1; fail(root, S.fail); });
      function quad(f, a0, b0, s, tex, t) {
        gl.uniform3fv(U.o, dir(f, a0, b0));
        gl.uniform3fv(U.u, dir(f, a0 + s, b0));
        gl.uniform3fv(U.v, dir(f, a0, b0 + s));
        gl.uniform4fv(U.t, t);
        gl.bindTexture(gl.TEXTURE_2D, tex);
        gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
      }
      return { el: c, max: gl.getParameter(gl.MAX_TEXTURE_SIZE),
        tex: function (img, q) {
          if (!q && 6 * scene.preview > this.max) return null;
          var t = gl.createTexture();
          gl.bindTexture(gl.TEXTURE_2D, t);
          try { gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB, gl.RGB, gl.UNSIGNED_BYTE, img); } catch (e) { gl.deleteTexture(t); throw e; }
          [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER, gl.TEXTURE_WRAP_S, gl.TEXTURE_WRAP_T].forEach(function (p, i) {
            gl.texParameteri(gl.TEXTURE_2D, p, i < 2 ? gl.LINEAR : gl.CLAMP_TO_EDGE);
          });
          return t;
        },
        free: function (t) { gl.deleteTexture(t); },
        draw: function () {
          if (width != c.width || height != c.height) { c.width = width; c.height = height; }
          gl.viewport(0, 0, width, height);
          gl.clear(gl.COLOR_BUFFER_BIT);
          var Rt = basis[0], Up = basis[1], F = basis[2], n = .05, f = 10, A = (f + n) / (n - f), B = 2 * f * n / (n - f);
          // Column-major P·V for a camera looking along F with right R and up Up.
          gl.uniformMatrix4fv(U.m, false, new Float32Array([fx * Rt[0], fy * Up[0], -A * F[0], F[0], fx * Rt[1], fy * Up[1], -A * F[1], F[1],
            fx * Rt[2], fy * Up[2], -A * F[2], F[2], 0, 0, B, 0]));
          var pw = 6 * scene.preview, ph = scene.preview;
          for (var i = 0; preview && i < 6; i++) quad(FACES[i], -1, -1, 2, preview, [(i * ph + .5) / pw, .5 / ph, (ph - 1) / pw, (ph - 1) / ph]);
          for (var l = 0; l <= level; l++) for (var key in tiles) {
            var t = tiles[key], q = t.q, s = 2 * scene.tileSize / scene.levels[l];
            if (q[0] == l && t.tex) quad(q[1], -1 + q[3] * s, -1 + q[2] * s, s, t.tex, [0, 0, 1, 1]);
          }
        } };
    }
    // CSS 3D (viewer-css3d.js, loaded where needed) sees the view through this.
    function css3d() { return W.dinhCSS3D(function () { return [scene, ch / 2 * fy, pitch, yaw]; }); }

    function draw() {
      frame++;
      var dpr = M.min(devicePixelRatio || 1, 2);
      cw = pane.clientWidth || 1; ch = pane.clientHeight || 1;
      stage.style.setProperty('--t', top.offsetHeight + 12 + 'px'); // below the title, however many lines it takes
      width = M.round(cw * dpr); height = M.round(ch * dpr);
      if (!scene || !scene.levels) return;
      fov = M.max(fov, minFov());
      camera();
      level = pickLevel();
      request();
      R.draw();
      placeSpots();
      compass.style.setProperty('--turn', (scene.north - yaw) + 'deg');
    }
    function tick() {
      if (frame < 0) return;
      requestAnimationFrame(function () {
        var again = anim && anim();
        if (dirty || again) { dirty = 0; draw(); }
        if (again) tick();
      });
    }
    function redraw() { dirty = 1; tick(); }
    function changed() {
      redraw();
      clearTimeout(hashTimer); hashTimer = setTimeout(writeHash, 250);
    }
    function setView(y, p, f) {
      yaw = wrap(y); pitch = clamp(p, -90, 90); fov = clamp(f, minFov(), 120);
      changed();
    }
    // The visitor takes the view over: an animation stops, and the URL follows the view from now on.
    function grab() { anim = null; quiet = 0; }
    function zoom(by) { grab(); setView(yaw, pitch, fov * by); }
    // Turns to a direction: animated unless the visitor prefers reduced motion.
    function turnTo(y, p) {
      var y0 = yaw, p0 = pitch, dy = wrap(y - yaw), t0 = performance.now();
      quiet = 0;
      if (reduced.matches) { setView(y, p, fov); return; }
      anim = function () {
        var k = M.min(1, (performance.now() - t0) / 400), e = k * k * (3 - 2 * k);
        yaw = wrap(y0 + dy * e); pitch = p0 + (p - p0) * e;
        changed();
        if (k >= 1) anim = null;
        return !!anim;
      };
      tick();
    }

    function placeSpots() {
      spots.forEach(function (s) {
        var p = project(look(s.h.yaw, s.h.pitch)),
            on = p && p[0] >= 0 && p[1] >= 0 && p[0] <= cw && p[1] <= ch;
        s.b.classList.toggle('dinh-off', !on);
        if (!on) return;
        // A label near an edge is pulled in whole, and above the buttons (on a narrow view, two rows of them
        // and a label of three lines); its size is read each time (wrapped at 80 % of the view, it widens in
        // full window; moving it changes no layout, so reading it costs no new one).
        var x = M.max(22, M.min(p[0], cw + 22 - s.b.offsetWidth)), y = M.min(p[1], bar.offsetTop + 18 - s.b.offsetHeight);
        s.b.style.transform = 'translate(' + x.toFixed(1) + 'px,' + y.toFixed(1) + 'px)';
      });
    }
    // Hotspots in the tab order from left to right of the scene's first view.
    function buildSpots() {
      layer.textContent = '';
      var y0 = (scene.view || VIEW).yaw;
      spots = (scene.hotspots || []).slice().sort(function (a, b) { return wrap(a.yaw - y0) - wrap(b.yaw - y0); }).map(function (h) {
        var b = el('button', 'dinh-spot dinh-spot-' + (h.scene ? 'scene' : 'text'), layer,
          { 'aria-label': h.scene ? h.label || (byId[h.scene] || {}).title || h.scene : h.text });
        el('span', '', b).textContent = h.scene ? h.label || '' : 'i';
        if (h.text) b.setAttribute('aria-expanded', 'false');
        // Keyboard users reach hotspots out of view: focusing one turns the view to it.
        on(b, 'focus', function () { if (b.classList.contains('dinh-off')) turnTo(h.yaw, h.pitch); });
        // A drag that started on the label turned the view: not a tap (keys click with detail 0).
        on(b, 'click', function (e) { if (!e.detail || moved < 9) h.scene ? go(h.scene, null, true) : openPop(h, b); });
        return { h: h, b: b };
      });
    }
    function openPop(h, b) {
      var open = popOwner == b;
      closePop();
      if (open) return;
      popOwner = b; b.setAttribute('aria-expanded', 'true');
      popText.textContent = h.text; pop.hidden = false; popClose.focus();
    }
    function closePop() {
      if (!popOwner) return;
      pop.hidden = true; popOwner.setAttribute('aria-expanded', 'false');
      var b = popOwner; popOwner = null;
      if (D.activeElement == popClose || D.activeElement == D.body) b.focus();
    }

    function unfade() { pane.classList.remove('dinh-fade'); }
    function release() { // frees every texture and pending image of the scene being left
      gen++;
      for (var key in tiles) {
        var t = tiles[key];
        if (t.tex) R.free(t.tex);
        if (t.img) { t.img.onload = t.img.onerror = null; t.img.src = ''; }
      }
      if (preview) R.free(preview);
      tiles = {}; queue = []; loading = asked = got = 0; preview = null;
    }
    function go(id, view, fade) {
      var s = byId[id];
      if (!s) return;
      // The status line names the scene, apart from the loading label before it (a space would not do: the
      // hidden span starts a line of its own, and screen readers heard "Đang tải ảnh 360°Đại đình").
      if (fade) { quiet = 0; said.textContent = ': ' + s.title; }
      if (fade && !reduced.matches) {
        pane.classList.add('dinh-fade');
        setTimeout(function () { show(s, view); }, 250);
      } else show(s, view);
    }
    function show(s, view) {
      // After a lost preview (below), any scene asked for tries again.
      var lost = root.querySelector('.dinh-msg button');
      if (lost) { lost.parentNode.remove(); setLive(root, true); frame = 0; }
      closePop(); release(); anim = null;
      // A hotspot focused goes with its scene: the focus moves to the view, named after the new scene.
      var changedScene = scene != s, focused = layer.contains(D.activeElement);
      scene = s; level = 0;
      var v = view || s.view || VIEW;
      pane.setAttribute('aria-label', s.title ? s.title + '. ' + S.view : S.view);
      title.textContent = s.title;
      if (sel) { sel.value = s.id; title.append('\xa0▾'); }
      D.querySelectorAll('a[href*="#scene="]').forEach(function (a) {
        a[a.hash == '#scene=' + s.id ? 'setAttribute' : 'removeAttribute']('aria-current', 'true');
      });
      compass.hidden = s.north == null;
      buildSpots();
      if (focused) pane.focus();
      setView(v.yaw, v.pitch, v.fov);
      // The view fades in when the preview comes, or after a while without it.
      setTimeout(unfade, 2e3);
      fetchImage(url('preview.jpg'), function (img) {
        unfade();
        if (img) { preview = upload(img, null); changed(); return; }
        // Lost even when asked again: the photo is back, saying so, with a button to try again.
        frame = -1; fail(root, S.weak);
        button('button', S.retry, S.retry, function () { show(s, view); }, root.querySelector('.dinh-msg'));
      });
      if (changedScene) root.dispatchEvent(new CustomEvent('dinh:scenechange', { detail: { scene: s.id } }));
    }

    function readHash() {
      var h = new URLSearchParams(location.hash.slice(1)), id = h.get('scene'), out = {}, any = 0;
      if (!byId[id]) return null;
      ['yaw', 'pitch', 'fov'].forEach(function (k) { var n = parseFloat(h.get(k)); any |= isFinite(n); out[k] = isFinite(n) ? n : (byId[id].view || VIEW)[k]; });
      return { id: id, view: any ? out : null };
    }
    // Only once the visitor has moved: a page opened plainly keeps its URL. Another scene is a new
    // step of history (Back returns to the scene before); turning the view is not. The language
    // links follow, so that the other language opens the same view.
    function writeHash() {
      if (!scene || quiet) return;
      var h = '#scene=' + encodeURIComponent(scene.id) + '&yaw=' + yaw.toFixed(1) + '&pitch=' + pitch.toFixed(1) + '&fov=' + fov.toFixed(0);
      if (h != location.hash) history[wrote != scene.id ? (stepped = 0, 'pushState') : 'replaceState'](full ? { dinhFull: 1 } : null, '', h);
      wrote = scene.id;
      D.querySelectorAll('.languages a').forEach(function (a) { a.hash = h; });
    }
    on(W, 'hashchange', function () {
      // Back to the page as it was opened: its first scene, and its address stays without a hash.
      var h = readHash() || (location.hash ? null : { id: tour.scenes[0].id });
      if (!h) return;
      wrote = h.id; // this step of history is that scene's: moving on from it adds the next one
      if (!scene || h.id != scene.id) go(h.id, h.view, true);
      else if (h.view) setView(h.view.yaw, h.view.pitch, h.view.fov);
      quiet = !location.hash;
    });

    // Drag, touch and pinch through pointer events, from the view or a hotspot's label (on a phone
    // the first view's label may sit in the middle); wheel; keyboard.
    var pts = {}, pinch = 0, moved = 0;
    function down(e) {
      grab(); moved = 0;
      pts[e.pointerId] = [e.clientX, e.clientY];
    }
    // A tap on the view closes an open note.
    on(pane, 'pointerdown', function (e) { pane.setPointerCapture(e.pointerId); closePop(); down(e); });
    on(layer, 'pointerdown', down);
    function move(e) {
      var p = pts[e.pointerId];
      if (!p) return;
      var dx = e.clientX - p[0], dy = e.clientY - p[1], ids = Object.keys(pts);
      moved += M.abs(dx) + M.abs(dy);
      pts[e.pointerId] = [e.clientX, e.clientY];
      if (ids.length == 2) {
        var a = pts[ids[0]], b = pts[ids[1]], d = M.hypot(a[0] - b[0], a[1] - b[1]);
        if (pinch) setView(yaw, pitch, fov * pinch / d);
        pinch = d;
        return;
      }
      var k = vfov() / ch;
      if (gyro) gyroOffset -= dx * k;
      setView(yaw - dx * k, pitch + dy * k, fov);
    }
    [pane, layer].forEach(function (t) {
      on(t, 'pointermove', move);
      ['pointerup', 'pointercancel'].forEach(function (n) { on(t, n, function (e) { delete pts[e.pointerId]; pinch = 0; }); });
    });
    on(pane, 'wheel', function (e) {
      e.preventDefault(); grab();
      setView(yaw, pitch, fov * M.exp(clamp(e.deltaY, -100, 100) * .002));
    }, { passive: false });
    on(pane, 'keydown', function (e) {
      var m = { ArrowLeft: [-1, 0, 1], ArrowRight: [1, 0, 1], ArrowUp: [0, 1, 1], ArrowDown: [0, -1, 1],
        '+': [0, 0, 1 / 1.1], '=': [0, 0, 1 / 1.1], '-': [0, 0, 1.1], _: [0, 0, 1.1] }[e.key], st = fov / 18;
      if (!m) return;
      e.preventDefault(); grab();
      setView(yaw + m[0] * st, pitch + m[1] * st, fov * m[2]);
    });
    on(root, 'keydown', function (e) {
      if (e.key != 'Escape') return;
      if (popOwner) closePop();
      else if (full) toggleFull();
    });

    // Full window: the view covers the page (iPhones have no Fullscreen API for elements), and fills the
    // screen where the Fullscreen API can; the page is told ("dinh:full").
    var full = false;
    function setFull(on) {
      root.classList.toggle('dinh-full', full = on);
      D.documentElement.classList.toggle('dinh-noscroll', on);
      press(fsBtn, on);
      changed();
      root.dispatchEvent(new CustomEvent('dinh:full', { detail: on }));
    }
    function toggleFull() {
      if (D.fullscreenElement) D.exitFullscreen();
      else if (stepped) history.back(); // out by its own step of history (popstate, below)
      else if (full) setFull(false);
      else {
        setFull(true);
        if (root.requestFullscreen) root.requestFullscreen().catch(step); else step();
      }
    }
    // Only the view's own fullscreen (a video of the page may go fullscreen too).
    on(D, 'fullscreenchange', function () { setFull(D.fullscreenElement == root); });
    // Back leaves full window as it leaves fullscreen (on an iPhone it left the page): a step of history,
    // as are the scenes walked in full window (writeHash marks them); `stepped` while it is the current step.
    var stepped = 0;
    function step() { history.pushState({ dinhFull: 1 }, ''); stepped = 1; }
    on(W, 'popstate', function (e) { stepped = 0; if (full && !D.fullscreenElement && !(e.state || {}).dinhFull) setFull(false); });

    // Gyroscope: iOS asks permission, which must come from a tap, hence the button.
    var gyro = false, gyroOffset = null;
    function orient(e) {
      if (e.alpha == null) return;
      var a = e.alpha * RAD, b = e.beta * RAD, g = e.gamma * RAD,
          ca = M.cos(a), sa = M.sin(a), sb = M.sin(b), cb = M.cos(b), sg = M.sin(g), cg = M.cos(g);
      // Back camera direction (−z of the device) in east-north-up coordinates.
      var vx = -ca * sg - sa * sb * cg, vy = -sa * sg + ca * sb * cg, vz = -cb * cg,
          heading = M.atan2(vx, vy) / RAD, p = M.asin(clamp(vz, -1, 1)) / RAD;
      if (gyroOffset == null) gyroOffset = yaw - heading;
      anim = null;
      setView(heading + gyroOffset, p, fov);
    }
    function setGyro(on) {
      gyro = on; gyroOffset = null;
      W[on ? 'addEventListener' : 'removeEventListener']('deviceorientation', orient);
      press(gyroBtn, on);
    }
    function toggleGyro() {
      var E = DeviceOrientationEvent; // iOS: must be asked from a tap, and called on E
      if (gyro || !E.requestPermission) setGyro(!gyro);
      else E.requestPermission().then(function (r) { if (r == 'granted') setGyro(true); }, function () {});
    }

    // Every browser that sizes the view (aspect-ratio: Safari 15, Chrome 88, Firefox 89) has ResizeObserver.
    new ResizeObserver(redraw).observe(stage);

    // `wrote`: the scene of the page's current step of history.
    var start = readHash(), wrote = start ? start.id : tour.scenes[0].id;
    quiet = !start;
    go(wrote, start && start.view, false);
    return { go: function (id) { go(id, null, true); },
      state: function () { return { scene: scene && scene.id, yaw: yaw, pitch: pitch, fov: fov, level: level, minFov: minFov(),
        renderer: R.el.tagName == 'CANVAS' ? 'webgl' : 'css', drawn: !!preview,
        textures: Object.keys(tiles).filter(function (k) { return tiles[k].tex; }).length + (preview ? 1 : 0) }; } };
  }

  // The tour is the page's own JSON, in the element `data-scenes` names (`#tour-data`).
  function init(root) {
    var data = D.querySelector(root.getAttribute('data-scenes'));
    if (root.dinhViewer || !data) return;
    // From disk, and where WebGL cannot start (a phone whose graphics the browser does not trust), the CSS
    // renderer draws the tour: every scene, not one flat photo.
    function start(css) {
      try {
        var t = JSON.parse(data.textContent);
        if (t.scenes[0] && !(root.dinhViewer = Viewer(root, t, css)) && !css) needCSS(function () { start(1); });
      } catch (e) { fail(root); }
    }
    if (DISK) needCSS(function () { start(1); }); else start();
  }
  function all() { D.querySelectorAll('.dinh-pano[data-scenes]').forEach(init); }
  if (D.readyState == 'loading') on(D, 'DOMContentLoaded', all); else all();
})();
