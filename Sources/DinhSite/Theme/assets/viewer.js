/* Dinh panorama viewer: WebGL cube tiles, dependency-free, no external requests.
 * Markup: <div class="dinh-pano" data-scenes="#tour">  ("#id" of a <script type="application/json">, or a URL)
 *   <img class="dinh-pano-fallback" …><ul class="dinh-pano-scenes"><li><a href="#scene=ID">…</a>…</ul></div>
 * The children are the fallback, hidden only once WebGL works.
 * JSON (DinhPanorama.TourDescription): {"scenes":[scene…],"strings":{key:text}}, first scene = entry;
 *   scene {"id","title","base","tileSize","levels":[faceSize…, coarsest first],"preview","view":{"yaw",
 *   "pitch","fov"},"north"?,"hotspots":[{"yaw","pitch","scene","label"}|{"yaw","pitch","text"}]}.
 *   "base" (tile folder, ends in "/") is relative to the JSON's URL.
 *   Tiles: base+"L/{f|r|b|l|u|d}{row}_{col}.jpg", preview: base+"preview.jpg" (faces side by side).
 * Conventions as DinhPanorama/CubeFace.swift: OpenGL axes, yaw 0 looks along -z, +yaw turns right,
 *   +pitch looks up; fov (degrees) spans the longer side of the view.
 * Hash: #scene=ID&yaw=Y&pitch=P&fov=F opens that view and follows it. Event "dinh:scenechange"
 *   (detail.scene) on the container; container.dinhViewer = {go(id), state()}.
 */
(function () {
  'use strict';
  var D = document, W = window, M = Math, RAD = M.PI / 180;
  var TEXT = { view: 'Panorama: drag or use the arrow keys to look around, + and − to zoom',
    fullscreen: 'Full screen', gyro: 'Look around by moving the phone', close: 'Close',
    north: 'Turn to north', zoomIn: 'Zoom in', zoomOut: 'Zoom out' };
  var FACES = 'frblud';
  var MAX_TEXTURES = 64;         // about 64 MB of tiles on the GPU, fine for cheap phones
  var reduced = W.matchMedia && W.matchMedia('(prefers-reduced-motion: reduce)');

  // Direction through face coordinates a (left to right), b (top to bottom) in [-1, 1].
  function dir(f, a, b) {
    switch (f) {
      case 'f': return [a, -b, -1];
      case 'r': return [1, -b, a];
      case 'b': return [-a, -b, 1];
      case 'l': return [-1, -b, -a];
      case 'u': return [a, 1, -b];
      default: return [a, -1, b];
    }
  }
  // Face and coordinates hit by a direction (inverse of dir).
  function hit(d) {
    var x = d[0], y = d[1], z = d[2], ax = M.abs(x), ay = M.abs(y), az = M.abs(z);
    if (ax >= ay && ax >= az) return x > 0 ? ['r', z / ax, -y / ax] : ['l', -z / ax, -y / ax];
    if (az >= ay) return z < 0 ? ['f', x / az, -y / az] : ['b', -x / az, -y / az];
    return y > 0 ? ['u', x / ay, -z / ay] : ['d', x / ay, z / ay];
  }
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
  function clamp(v, lo, hi) { return v < lo ? lo : v > hi ? hi : v; }
  function wrap(y) { return ((y + 180) % 360 + 360) % 360 - 180; }

  var VS = 'attribute vec2 p;uniform mat4 m;uniform vec3 o,u,v;uniform vec4 t;varying vec2 c;' +
    'void main(){c=t.xy+p*t.zw;gl_Position=m*vec4(o+p.x*u+p.y*v,1.);}';
  var FS = 'precision mediump float;uniform sampler2D s;varying vec2 c;void main(){gl_FragColor=texture2D(s,c);}';

  function Viewer(root, tour, tourUrl) {
    var S = {}, k;
    for (k in TEXT) S[k] = TEXT[k];
    for (k in tour.strings || {}) S[k] = tour.strings[k];
    var canvas = D.createElement('canvas');
    var gl = canvas.getContext('webgl', { alpha: false, antialias: false, preserveDrawingBuffer: true });
    if (!gl) return null;
    var prog = gl.createProgram();
    [[gl.VERTEX_SHADER, VS], [gl.FRAGMENT_SHADER, FS]].forEach(function (s) {
      var sh = gl.createShader(s[0]);
      gl.shaderSource(sh, s[1]); gl.compileShader(sh); gl.attachShader(prog, sh);
    });
    gl.linkProgram(prog);
    if (!gl.getProgramParameter(prog, gl.LINK_STATUS)) return null;
    gl.useProgram(prog);
    var U = {};
    ['m', 'o', 'u', 'v', 't', 's'].forEach(function (n) { U[n] = gl.getUniformLocation(prog, n); });
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
    var loc = gl.getAttribLocation(prog, 'p');
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
    var maxTex = gl.getParameter(gl.MAX_TEXTURE_SIZE);

    // Stage: canvas, hotspot layer, controls, popup. The fallback stays in the DOM, hidden.
    var fallback = [].slice.call(root.children);
    fallback.forEach(function (c) { c.hidden = true; });
    root.classList.add('dinh-pano--live');
    var stage = el('div', 'dinh-stage', root);
    stage.appendChild(canvas).tabIndex = 0;
    canvas.setAttribute('role', 'img');
    var layer = el('div', 'dinh-spots', stage);
    var bar = el('div', 'dinh-bar', stage);
    function button(cls, label, text, fn) {
      var b = el('button', cls, bar, { type: 'button', 'aria-label': label, title: label });
      b.textContent = text;
      b.addEventListener('click', fn);
      return b;
    }
    var compass = button('dinh-compass', S.north, '', function () { if (scene.north != null) turnTo(scene.north, 0); });
    el('span', 'dinh-needle', compass, { 'aria-hidden': 'true' });
    button('dinh-zin', S.zoomIn, '+', function () { zoom(1 / 1.25); });
    button('dinh-zout', S.zoomOut, '−', function () { zoom(1.25); });
    var gyroBtn = 'DeviceOrientationEvent' in W && W.matchMedia('(pointer: coarse)').matches && button('dinh-gyro', S.gyro, '', toggleGyro);
    var fsBtn = button('dinh-fs', S.fullscreen, '', toggleFull);
    [gyroBtn, fsBtn].forEach(function (b) { if (b) b.setAttribute('aria-pressed', 'false'); });
    var pop = el('div', 'dinh-pop', stage, { role: 'dialog' });
    pop.hidden = true;
    var popText = el('p', '', pop), popClose = el('button', 'dinh-pop-close', pop, { type: 'button' }), popOwner = null;
    popClose.textContent = S.close;
    popClose.addEventListener('click', closePop);

    var byId = {};
    tour.scenes.forEach(function (s) { byId[s.id] = s; });
    var scene = null, yaw = 0, pitch = 0, fov = 90, level = 0, gen = 0;
    var tiles = {}, preview = null, queue = [], loading = 0, spots = [];
    var quiet = true, dirty = true, frame = 0, width = 1, height = 1, fx = 1, fy = 1, basis = null, anim = null, hashTimer = 0;

    function vfov() { // fov spans the longer side
      return width >= height ? 2 * M.atan(M.tan(fov * RAD / 2) * height / width) / RAD : fov;
    }
    function matrix() {
      var F = look(yaw, pitch), sy = M.sin(yaw * RAD), cy = M.cos(yaw * RAD), sp = M.sin(pitch * RAD), cp = M.cos(pitch * RAD);
      var R = [cy, 0, sy], Up = [-sp * sy, cp, sp * cy];
      fy = 1 / M.tan(vfov() * RAD / 2); fx = fy * height / width;
      var n = 0.05, f = 10, A = (f + n) / (n - f), B = 2 * f * n / (n - f);
      basis = [R, Up, F];
      // Column-major P·V for a camera looking along F with right R and up Up.
      return new Float32Array([fx * R[0], fy * Up[0], -A * F[0], F[0], fx * R[1], fy * Up[1], -A * F[1], F[1],
        fx * R[2], fy * Up[2], -A * F[2], F[2], 0, 0, B, 0]);
    }
    // Screen position (CSS pixels) of a direction, or null when behind the viewer.
    function project(d) {
      var w = d[0] * basis[2][0] + d[1] * basis[2][1] + d[2] * basis[2][2];
      if (w <= 1e-3) return null;
      var x = fx * (d[0] * basis[0][0] + d[1] * basis[0][1] + d[2] * basis[0][2]) / w;
      var y = fy * (d[0] * basis[1][0] + d[1] * basis[1][1] + d[2] * basis[1][2]) / w;
      return [(x + 1) / 2 * canvas.clientWidth, (1 - y) / 2 * canvas.clientHeight];
    }
    function pickLevel() { // coarsest level with a texel per device pixel at the centre; none if tiles exceed the GPU limit
      var need = height * fy * 0.9, n = scene.levels.length, i = 0;
      while (i < n - 1 && scene.levels[i] < need) i++;
      return scene.tileSize <= maxTex ? i : -1;
    }
    // Tiles at level L seen through a grid of rays over the view.
    function visible(L) {
      var out = {}, n = scene.levels[L] / scene.tileSize, R = basis[0], Up = basis[1], F = basis[2];
      for (var i = 0; i <= 8; i++) for (var j = 0; j <= 8; j++) {
        var sx = (i / 4 - 1) / fx, sy = (j / 4 - 1) / fy;
        var h = hit([F[0] + sx * R[0] + sy * Up[0], F[1] + sx * R[1] + sy * Up[1], F[2] + sx * R[2] + sy * Up[2]]);
        var c = clamp(M.floor((h[1] + 1) / 2 * n), 0, n - 1), r = clamp(M.floor((h[2] + 1) / 2 * n), 0, n - 1);
        out[L + '/' + h[0] + r + '_' + c] = [L, h[0], r, c];
      }
      return out;
    }
    function texture(img) {
      var t = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, t);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGB, gl.RGB, gl.UNSIGNED_BYTE, img);
      [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER, gl.TEXTURE_WRAP_S, gl.TEXTURE_WRAP_T].forEach(function (p, i) {
        gl.texParameteri(gl.TEXTURE_2D, p, i < 2 ? gl.LINEAR : gl.CLAMP_TO_EDGE);
      });
      return t;
    }
    function load(url, done) {
      var g = gen, img = new Image();
      img.onload = function () { if (g === gen) done(img); };
      img.onerror = function () { if (g === gen) done(null); };
      img.src = url;
      return img;
    }
    function url(path) { return new URL(scene.base + path, tourUrl).href; }
    function pump() {
      while (loading < 4 && queue.length) {
        var q = queue.shift(), key = q[0] + '/' + q[1] + q[2] + '_' + q[3];
        if (tiles[key]) continue;
        var t = tiles[key] = { q: q, tex: null, used: frame };
        loading++;
        t.img = load(url(key + '.jpg'), (function (t) {
          return function (img) {
            loading--; t.img = null;
            if (img) { t.tex = texture(img); evict(); }
            dirty = true; pump(); tick();
          };
        })(t));
      }
    }
    function evict() {
      var keys = Object.keys(tiles).filter(function (k) { return tiles[k].tex && tiles[k].q[0] > 0; });
      if (keys.length <= MAX_TEXTURES) return;
      keys.sort(function (a, b) { return tiles[a].used - tiles[b].used; });
      keys.slice(0, keys.length - MAX_TEXTURES).forEach(function (k) { gl.deleteTexture(tiles[k].tex); delete tiles[k]; });
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
    function quad(f, a0, b0, s, tex, t) {
      var o = dir(f, a0, b0), u = dir(f, a0 + s, b0), v = dir(f, a0, b0 + s);
      gl.uniform3fv(U.o, o);
      gl.uniform3f(U.u, u[0] - o[0], u[1] - o[1], u[2] - o[2]);
      gl.uniform3f(U.v, v[0] - o[0], v[1] - o[1], v[2] - o[2]);
      gl.uniform4fv(U.t, t);
      gl.bindTexture(gl.TEXTURE_2D, tex);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    }
    function draw() {
      frame++;
      var dpr = M.min(W.devicePixelRatio || 1, 2);
      var w = M.round(canvas.clientWidth * dpr) || 1, h = M.round(canvas.clientHeight * dpr) || 1;
      if (w !== canvas.width || h !== canvas.height) { canvas.width = w; canvas.height = h; }
      width = w; height = h;
      gl.viewport(0, 0, w, h);
      gl.clearColor(0, 0, 0, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      if (!scene || !scene.levels) return;
      gl.uniformMatrix4fv(U.m, false, matrix());
      level = pickLevel();
      request();
      if (preview) {
        var pw = 6 * scene.preview, ph = scene.preview;
        for (var i = 0; i < 6; i++) {
          quad(FACES[i], -1, -1, 2, preview, [(i * ph + 0.5) / pw, 0.5 / ph, (ph - 1) / pw, (ph - 1) / ph]);
        }
      }
      for (var l = 0; l <= level; l++) for (var key in tiles) {
        var t = tiles[key], q = t.q, s = 2 * scene.tileSize / scene.levels[l];
        if (q[0] === l && t.tex) quad(q[1], -1 + q[3] * s, -1 + q[2] * s, s, t.tex, [0, 0, 1, 1]);
      }
      placeSpots();
      compass.style.setProperty('--turn', ((scene.north || 0) - yaw) + 'deg');
    }
    function tick() {
      if (frame < 0) return;
      W.requestAnimationFrame(function () {
        var again = false;
        if (anim) again = anim();
        if (dirty || again) { dirty = false; draw(); }
        if (again) tick();
      });
    }
    function changed() {
      dirty = true; tick();
      clearTimeout(hashTimer); hashTimer = setTimeout(writeHash, 250);
    }
    function setView(y, p, f) {
      yaw = wrap(y); pitch = clamp(p, -90, 90); fov = clamp(f, 30, 120);
      changed();
    }
    function zoom(by) { anim = null; quiet = false; setView(yaw, pitch, fov * by); }
    // Turns to a direction: animated unless the visitor prefers reduced motion.
    function turnTo(y, p) {
      var y0 = yaw, p0 = pitch, dy = wrap(y - yaw), t0 = performance.now();
      quiet = false;
      if (reduced && reduced.matches) { setView(y, p, fov); return; }
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
      var cw = canvas.clientWidth, ch = canvas.clientHeight;
      spots.forEach(function (s) {
        var p = project(look(s.h.yaw, s.h.pitch));
        var on = p && p[0] >= 0 && p[1] >= 0 && p[0] <= cw && p[1] <= ch;
        s.b.classList.toggle('dinh-off', !on);
        if (on) s.b.style.transform = 'translate(' + p[0].toFixed(1) + 'px,' + p[1].toFixed(1) + 'px)';
      });
    }
    function buildSpots() {
      layer.textContent = '';
      spots = (scene.hotspots || []).map(function (h) {
        var b = el('button', 'dinh-spot dinh-spot-' + (h.scene ? 'scene' : 'text'), layer,
          { type: 'button', 'aria-label': h.scene ? h.label || (byId[h.scene] || {}).title || h.scene : h.text });
        el('span', '', b, { 'aria-hidden': 'true' }).textContent = h.scene ? h.label || '' : 'i';
        if (h.text) b.setAttribute('aria-expanded', 'false');
        // Keyboard users reach hotspots out of view: focusing one turns the view to it.
        b.addEventListener('focus', function () { if (b.classList.contains('dinh-off')) turnTo(h.yaw, h.pitch); });
        b.addEventListener('click', function () { h.scene ? go(h.scene, null, true) : openPop(h, b); });
        return { h: h, b: b };
      });
    }
    function openPop(h, b) {
      if (popOwner === b) { closePop(); return; }
      closePop();
      popOwner = b; b.setAttribute('aria-expanded', 'true');
      popText.textContent = h.text; pop.hidden = false; popClose.focus();
    }
    function closePop() {
      if (!popOwner) return;
      pop.hidden = true; popOwner.setAttribute('aria-expanded', 'false');
      var b = popOwner; popOwner = null;
      if (D.activeElement === popClose || D.activeElement === D.body) b.focus();
    }

    function release() { // frees every texture and pending image of the scene being left
      gen++;
      for (var key in tiles) {
        var t = tiles[key];
        if (t.tex) gl.deleteTexture(t.tex);
        if (t.img) { t.img.onload = t.img.onerror = null; t.img.src = ''; }
      }
      tiles = {}; queue = []; loading = 0;
      if (preview) gl.deleteTexture(preview);
      preview = null;
    }
    function go(id, view, fade) {
      var s = byId[id];
      if (!s) return;
      if (fade) quiet = false;
      if (fade && !(reduced && reduced.matches)) {
        stage.classList.add('dinh-fade');
        setTimeout(function () { show(s, view); }, 250);
      } else show(s, view);
    }
    function show(s, view) {
      closePop(); release(); anim = null;
      var changedScene = scene !== s;
      scene = s; level = 0;
      var v = view || s.view || {};
      canvas.setAttribute('aria-label', s.title ? s.title + '. ' + S.view : S.view);
      compass.hidden = s.north == null;
      buildSpots();
      setView(v.yaw || 0, v.pitch || 0, v.fov || 90);
      load(url('preview.jpg'), function (img) {
        if (img && 6 * s.preview <= maxTex) preview = texture(img);
        stage.classList.remove('dinh-fade');
        changed();
      });
      if (changedScene) root.dispatchEvent(new CustomEvent('dinh:scenechange', { detail: { scene: s.id } }));
    }

    function readHash() {
      var h = {};
      location.hash.slice(1).split('&').forEach(function (p) {
        var i = p.indexOf('=');
        if (i > 0) h[decodeURIComponent(p.slice(0, i))] = decodeURIComponent(p.slice(i + 1));
      });
      if (!byId[h.scene]) return null;
      var v = byId[h.scene].view || {}, out = {}, any = 0;
      ['yaw', 'pitch', 'fov'].forEach(function (k) { var n = parseFloat(h[k]); any |= isFinite(n); out[k] = isFinite(n) ? n : v[k]; });
      return { id: h.scene, view: any ? out : null };
    }
    function writeHash() { // only once the visitor has moved: a page opened plainly keeps its URL
      if (!scene || quiet) return;
      var h = '#scene=' + encodeURIComponent(scene.id) + '&yaw=' + yaw.toFixed(1) + '&pitch=' + pitch.toFixed(1) + '&fov=' + fov.toFixed(0);
      if (h !== location.hash) history.replaceState(history.state, '', h);
    }
    W.addEventListener('hashchange', function () {
      var h = readHash();
      if (!h) return;
      quiet = false;
      if (!scene || h.id !== scene.id) go(h.id, h.view, true);
      else if (h.view) setView(h.view.yaw, h.view.pitch, h.view.fov);
    });

    // Drag, touch and pinch through pointer events; wheel; keyboard.
    var pts = {}, pinch = 0;
    canvas.addEventListener('pointerdown', function (e) {
      canvas.setPointerCapture(e.pointerId); anim = null; quiet = false;
      pts[e.pointerId] = [e.clientX, e.clientY];
    });
    canvas.addEventListener('pointermove', function (e) {
      var p = pts[e.pointerId];
      if (!p) return;
      var ids = Object.keys(pts);
      if (ids.length === 2) {
        pts[e.pointerId] = [e.clientX, e.clientY];
        var a = pts[ids[0]], b = pts[ids[1]], d = M.hypot(a[0] - b[0], a[1] - b[1]);
        if (pinch) setView(yaw, pitch, fov * pinch / d);
        pinch = d;
        return;
      }
      var k = vfov() / canvas.clientHeight;
      if (gyro) gyroOffset -= (e.clientX - p[0]) * k;
      setView(yaw - (e.clientX - p[0]) * k, pitch + (e.clientY - p[1]) * k, fov);
      pts[e.pointerId] = [e.clientX, e.clientY];
    });
    ['pointerup', 'pointercancel'].forEach(function (n) { canvas.addEventListener(n, function (e) { delete pts[e.pointerId]; pinch = 0; }); });
    canvas.addEventListener('wheel', function (e) {
      e.preventDefault(); anim = null; quiet = false;
      setView(yaw, pitch, fov * M.exp(clamp(e.deltaY, -100, 100) * 0.002));
    }, { passive: false });
    canvas.addEventListener('keydown', function (e) {
      var m = { ArrowLeft: [-1, 0, 1], ArrowRight: [1, 0, 1], ArrowUp: [0, 1, 1], ArrowDown: [0, -1, 1],
        '+': [0, 0, 1 / 1.1], '=': [0, 0, 1 / 1.1], '-': [0, 0, 1.1], _: [0, 0, 1.1] }[e.key], st = fov / 18;
      if (!m) return;
      e.preventDefault(); anim = null; quiet = false;
      setView(yaw + m[0] * st, pitch + m[1] * st, fov * m[2]);
    });
    root.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape') return;
      if (popOwner) closePop();
      else if (root.classList.contains('dinh-full')) toggleFull();
    });

    // Fullscreen API where there is one; otherwise (iPhone) a CSS full-window mode.
    function cssFull(on) {
      root.classList.toggle('dinh-full', on);
      D.documentElement.classList.toggle('dinh-noscroll', on);
      fsBtn.setAttribute('aria-pressed', String(on));
      changed();
    }
    function toggleFull() {
      var fsEl = D.fullscreenElement || D.webkitFullscreenElement;
      if (fsEl) { (D.exitFullscreen || D.webkitExitFullscreen).call(D); return; }
      if (root.classList.contains('dinh-full')) { cssFull(false); return; }
      var req = root.requestFullscreen || root.webkitRequestFullscreen;
      if (!req) { cssFull(true); return; }
      var r = req.call(root);
      if (r && r.catch) r.catch(function () { cssFull(true); });
    }
    ['fullscreenchange', 'webkitfullscreenchange'].forEach(function (n) {
      D.addEventListener(n, function () {
        fsBtn.setAttribute('aria-pressed', String(!!(D.fullscreenElement || D.webkitFullscreenElement)));
        changed();
      });
    });

    // Gyroscope: iOS asks permission, which must come from a tap, hence the button.
    var gyro = false, gyroOffset = null;
    function orient(e) {
      if (e.alpha == null) return;
      var a = e.alpha * RAD, b = e.beta * RAD, g = e.gamma * RAD;
      var ca = M.cos(a), sa = M.sin(a), sb = M.sin(b), cb = M.cos(b), sg = M.sin(g), cg = M.cos(g);
      // Back camera direction (−z of the device) in east-north-up coordinates.
      var vx = -ca * sg - sa * sb * cg, vy = -sa * sg + ca * sb * cg, vz = -cb * cg;
      var heading = M.atan2(vx, vy) / RAD, p = M.asin(clamp(vz, -1, 1)) / RAD;
      if (gyroOffset === null) gyroOffset = yaw - heading;
      anim = null;
      setView(heading + gyroOffset, p, fov);
    }
    function setGyro(on) {
      gyro = on; gyroOffset = null;
      W[on ? 'addEventListener' : 'removeEventListener']('deviceorientation', orient);
      gyroBtn.setAttribute('aria-pressed', String(on));
    }
    function toggleGyro() {
      var E = DeviceOrientationEvent; // iOS: must be asked from a tap, and called on E
      if (gyro || !E.requestPermission) setGyro(!gyro);
      else E.requestPermission().then(function (r) { if (r === 'granted') setGyro(true); }, function () {});
    }

    canvas.addEventListener('webglcontextlost', function (e) { // give the page back its fallback
      e.preventDefault(); frame = -1;
      root.removeChild(stage); root.classList.remove('dinh-pano--live');
      fallback.forEach(function (c) { c.hidden = false; });
    });
    if (W.ResizeObserver) new ResizeObserver(function () { dirty = true; tick(); }).observe(stage);
    else W.addEventListener('resize', function () { dirty = true; tick(); });

    var start = readHash();
    quiet = !start;
    go(start ? start.id : tour.scenes[0].id, start && start.view, false);
    return { go: function (id) { go(id, null, true); },
      state: function () { return { scene: scene && scene.id, yaw: yaw, pitch: pitch, fov: fov, level: level,
        textures: Object.keys(tiles).filter(function (k) { return tiles[k].tex; }).length + (preview ? 1 : 0) }; } };
  }

  function init(root) {
    var src = root.getAttribute('data-scenes');
    if (!src || root.dinhViewer) return;
    var got = src.charAt(0) === '#'
      ? Promise.resolve([JSON.parse(D.getElementById(src.slice(1)).textContent), location.href])
      : fetch(src).then(function (r) { return r.json(); }).then(function (j) { return [j, new URL(src, location.href).href]; });
    got.then(function (r) {
      if (r[0].scenes && r[0].scenes.length) root.dinhViewer = Viewer(root, r[0], r[1]);
    });
  }
  function all() { [].forEach.call(D.querySelectorAll('.dinh-pano[data-scenes]'), init); }
  if (D.readyState === 'loading') D.addEventListener('DOMContentLoaded', all); else all();
})();
