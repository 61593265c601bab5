/// The tour editor's page side, served at `/__dinh/editor.js` to relic pages of a preview opened on
/// this computer (never part of a built site). It sits over the panorama viewer (viewer.js), using
/// only what the viewer publishes (`container.dinhViewer.state()`, `.go()`, the `dinh:scenechange`
/// event) and the same camera conventions (yaw 0 along −z, +yaw right, +pitch up, fov across the
/// longer side), and sends each change to `/__dinh/edit` as JSON with the session's token. The page
/// then reloads with the rebuilt site; whether the editor was open survives the reload
/// (sessionStorage). Texts go into the page with `textContent` only.
enum TourEditorScript {
    static let source = #"""
/* dinh serve: tour editor (preview only) */
(function () {
  'use strict';
  var D = document, W = window, M = Math, RAD = M.PI / 180;
  var me = D.currentScript, TOKEN = me.getAttribute('data-token'), RELIC = me.getAttribute('data-relic');
  var root = D.querySelector('.dinh-pano');
  if (!root || !W.fetch) return;
  var VI = /^vi/i.test(D.documentElement.lang || '');
  var T = VI ? {
    region: 'Sửa chuyến tham quan (chỉ khi xem trước)', edit: 'Sửa chuyến tham quan',
    hint: 'Bấm vào ảnh 360° để thêm điểm chạm tại đó; kéo một điểm để di chuyển nó. Mỗi thay đổi được lưu ngay vào ',
    centre: 'Thêm điểm ở giữa khung nhìn', view: 'Dùng góc nhìn này', north: 'Hướng bắc ở đây', undo: 'Hoàn tác thay đổi vừa rồi',
    spots: 'Điểm chạm của cảnh này', none: 'Cảnh này chưa có điểm chạm.', toCentre: 'Chuyển ra giữa khung nhìn', del: 'Xoá',
    scenes: 'Thứ tự các cảnh (cảnh đầu tiên mở trước)', up: 'Lên', down: 'Xuống', entry: 'cảnh mở đầu',
    newAt: 'Điểm chạm mới, ở chỗ có dấu vàng trên ảnh', door: 'Cửa sang cảnh khác', note: 'Ghi chú', target: 'Sang cảnh', label: 'Nhãn',
    text: 'Nội dung ghi chú', add: 'Thêm', cancel: 'Huỷ', marker: 'Điểm chạm', drag: 'kéo hoặc dùng phím mũi tên để di chuyển, Delete để xoá',
    keys: 'Enter để lưu, Esc để thôi',
    saved: 'Đã lưu vào ', reload: '. Trang đang tải lại…', failed: 'Chưa lưu được: ', blocked: 'Chưa sửa được chuyến tham quan vì tệp có lỗi. Sửa các lỗi này rồi lưu tệp:',
    noViewer: 'Ảnh 360° chưa mở được trong trình duyệt này (cần WebGL), nên chưa sửa được chuyến tham quan.',
    needText: 'Hãy nhập nội dung ghi chú bằng ngôn ngữ đầu tiên.', offline: 'Không kết nối được với dinh serve; nó còn chạy không?',
    codes: { token: 'trang này thuộc một lần chạy dinh serve trước; hãy tải lại trang.',
      changed: 'tệp vừa được sửa ở chương trình khác; trình sửa đã đọc lại tệp, hãy làm lại thao tác.',
      noUndo: 'không còn thay đổi nào để hoàn tác (chỉ hoàn tác được thay đổi cuối cùng, khi tệp chưa bị sửa ở nơi khác).',
      write: 'không ghi được tệp; hãy kiểm tra tệp không ở chế độ chỉ đọc.', relic: 'không tìm thấy tệp index.md của di tích này trong thư mục nội dung.' },
    ops: { add: 'đã thêm điểm chạm', move: 'đã chuyển điểm chạm', delete: 'đã xoá điểm chạm', view: 'đã đặt góc nhìn ban đầu',
      north: 'đã đặt hướng bắc', order: 'đã đổi thứ tự cảnh', undo: 'đã hoàn tác' }
  } : {
    region: 'Tour editor (preview only)', edit: 'Edit tour',
    hint: 'Click on the panorama to add a hotspot there; drag a hotspot to move it. Each change is saved at once to ',
    centre: 'Add a hotspot at the centre of the view', view: 'Use this view', north: 'North is here', undo: 'Undo last change',
    spots: 'Hotspots of this scene', none: 'This scene has no hotspots yet.', toCentre: 'Move to the centre of the view', del: 'Delete',
    scenes: 'Order of scenes (the first opens first)', up: 'Move up', down: 'Move down', entry: 'entry scene',
    newAt: 'New hotspot, where the yellow mark is on the picture', door: 'Door to another scene', note: 'Note', target: 'Leads to', label: 'Label',
    text: 'Note text', add: 'Add', cancel: 'Cancel', marker: 'Hotspot', drag: 'drag or use the arrow keys to move it, Delete to remove it',
    keys: 'Enter saves, Escape cancels',
    saved: 'Saved to ', reload: '. The page reloads…', failed: 'Not saved: ', blocked: 'The tour cannot be edited while the file has errors. Fix these and save the file:',
    noViewer: 'The 360° view did not start in this browser (it needs WebGL), so the tour cannot be edited here.',
    needText: 'Type the note in the first language.', offline: 'dinh serve does not answer; is it still running?',
    codes: { token: 'this page comes from an earlier run of dinh serve; reload the page.',
      changed: 'the file was just changed in another program; the editor has read it again, so do it once more.',
      noUndo: 'there is no change to undo (only the last change can be undone, while the file was not changed elsewhere).',
      write: 'the file could not be written; check that it is not read-only.', relic: "this relic's index.md is not in the content folder." },
    ops: { add: 'hotspot added', move: 'hotspot moved', delete: 'hotspot deleted', view: 'initial view set',
      north: 'north set', order: 'scenes reordered', undo: 'last change undone' }
  };
  var KEY = 'dinh-edit:' + RELIC, store = W.sessionStorage;
  var state = null, editing = false, busy = false, uid = 0;

  function el(tag, parent, attrs, text) {
    var e = D.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return parent ? parent.appendChild(e) : e;
  }
  function button(parent, text, fn, attrs) {
    var b = el('button', parent, attrs || {}, text);
    b.type = 'button';
    b.addEventListener('click', fn);
    return b;
  }
  function fixed(n) { return (M.round(n * 10) / 10).toFixed(1); }
  function title(list) { // a localised text as pairs: the page's language, else the first
    var lang = D.documentElement.lang, hit = (list || []).filter(function (p) { return p[0] === lang; })[0];
    return (hit || (list || [])[0] || ['', ''])[1];
  }

  var style = el('style', D.head);
  style.textContent = '.dinh-editor{margin:.75rem 0;padding:.75rem;border:2px solid #6b2e8f;border-radius:8px;background:#fff;color:#1a1a1a;font:15px/1.45 system-ui,sans-serif}' +
    '.dinh-editor button,.dinh-editor select,.dinh-editor input,.dinh-editor textarea{font:inherit;min-height:36px;margin:.15rem .3rem .15rem 0}' +
    '.dinh-editor button{padding:.3rem .7rem;border:1px solid #6b2e8f;border-radius:6px;background:#f6effa;color:#3d1354;cursor:pointer}' +
    '.dinh-editor button[aria-pressed=true]{background:#6b2e8f;color:#fff}.dinh-editor button:disabled{opacity:.55;cursor:default}' +
    '.dinh-editor :focus-visible{outline:3px solid #ffbf47;outline-offset:1px}.dinh-editor h3{font-size:1rem;margin:.6rem 0 .2rem}' +
    '.dinh-editor ul,.dinh-editor ol{margin:.2rem 0;padding-left:1.4rem}.dinh-editor label{display:block;margin-top:.3rem}' +
    '.dinh-editor input[type=text],.dinh-editor textarea{width:min(100%,30rem);box-sizing:border-box}.dinh-editor fieldset{border:1px solid #bbb;border-radius:6px;margin:.5rem 0}' +
    '.dinh-editor [role=alert]{color:#8a1111;font-weight:600;white-space:pre-wrap}.dinh-editor [role=alert]:empty{display:none}' +
    '.dinh-edit-layer{position:absolute;inset:0;pointer-events:none;z-index:3}' +
    '.dinh-edit-spot{position:absolute;left:0;top:0;width:30px;height:30px;margin:-15px 0 0 -15px;padding:0;border:3px solid #fff;border-radius:50%;' +
    'background:rgba(107,46,143,.85);box-shadow:0 0 0 2px #000;pointer-events:auto;cursor:move;touch-action:none}' +
    '.dinh-edit-spot.dinh-edit-note{background:rgba(0,90,160,.85)}.dinh-edit-spot:focus-visible{box-shadow:0 0 0 3px #ffbf47}' +
    '.dinh-editing .dinh-spots{visibility:hidden}.dinh-editing .dinh-view{cursor:crosshair}' +
    '.dinh-edit-new{background:#ffbf47;border-style:dashed;pointer-events:none}' +
    '.dinh-editor .dinh-choice{display:flex;align-items:center;gap:.4rem;min-height:36px}.dinh-editor .dinh-choice input{min-height:0;margin:0;width:1.1rem;height:1.1rem}' +
    '.dinh-editor.dinh-edit-float{position:absolute;top:8px;right:8px;z-index:5;width:min(26rem,calc(50% - 24px));max-height:calc(100% - 16px);' +
    'overflow:auto;margin:0;box-sizing:border-box;box-shadow:0 4px 18px rgba(0,0,0,.45)}.dinh-editor.dinh-edit-left{right:auto;left:8px}';

  // The panel, under the panorama (which stays where the visitor sees it).
  var box = el('section', null, { 'class': 'dinh-editor', 'aria-label': T.region });
  root.parentNode.insertBefore(box, root.nextSibling);
  var toggle = button(box, T.edit, function () { setEditing(!editing); }, { 'aria-pressed': 'false', 'data-edit': 'toggle' });
  var status = el('p', box, { role: 'status', 'data-edit': 'status' });
  var alertBox = el('div', box, { role: 'alert', 'data-edit': 'alert' });
  var panel = el('div', box, { hidden: '' });
  var hint = el('p', panel);
  var tools = el('div', panel);
  var controls = [
    button(tools, T.centre, function () { var s = viewer().state(); openForm(s.yaw, s.pitch); }, { 'data-edit': 'centre' }),
    button(tools, T.view, function () { var s = viewer().state(); send({ op: 'view', scene: s.scene, yaw: s.yaw, pitch: s.pitch, fov: s.fov }); }, { 'data-edit': 'view' }),
    button(tools, T.north, function () { var s = viewer().state(); send({ op: 'north', scene: s.scene, yaw: s.yaw }); }, { 'data-edit': 'north' })
  ];
  var undoBtn = button(tools, T.undo, function () { send({ op: 'undo', scene: current() }); }, { 'data-edit': 'undo' });
  var form = el('form', panel, { hidden: '', 'data-edit': 'form' });
  el('h3', panel, {}, T.spots);
  var spotList = el('ul', panel, { 'data-edit': 'spots' });
  el('h3', panel, {}, T.scenes);
  var sceneList = el('ol', panel, { 'data-edit': 'scenes' });

  function viewer() { return root.dinhViewer; }
  function current() { var v = viewer(); return v && v.state().scene; }
  function sceneState(id) { return ((state && state.scenes) || []).filter(function (s) { return s.id === id; })[0]; }
  function blocked() { return !state || (state.errors && state.errors.length > 0); }
  function say(text) { status.textContent = text; }
  function fail(text, messages) { alertBox.textContent = [text].concat(messages || []).join('\n'); }

  function send(body) {
    if (busy || (blocked() && body.op !== 'state')) return Promise.resolve(null);
    body.relic = RELIC;
    body.lang = D.documentElement.lang || 'en';
    if (state) body.version = state.version;
    busy = true; refresh();
    return fetch('/__dinh/edit', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Dinh-Token': TOKEN }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        busy = false;
        if (j.state) state = j.state;
        if (j.ok && body.op !== 'state') {
          alertBox.textContent = '';
          var text = T.saved + state.file + ': ' + (T.ops[body.op] || j.message) + T.reload;
          say(text);
          if (store) store.setItem(KEY + ':said', text);
        } else if (!j.ok) fail(T.failed + (T.codes[j.code] || j.error), j.messages);
        render();
        return j;
      }, function () { busy = false; fail(T.offline); refresh(); return null; });
  }

  function refresh() {
    var off = busy || blocked();
    controls.concat([undoBtn]).forEach(function (b) { b.disabled = off; });
    if (state) undoBtn.disabled = off || !state.undo;
    [].forEach.call(panel.querySelectorAll('ul button,ol button'), function (b) { b.disabled = off; });
    [].forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = off; }); // beside the panorama, out of the panel
  }

  function render() {
    if (!state) return;
    hint.textContent = T.hint + state.file + '.';
    if (state.errors && state.errors.length) fail(T.blocked, state.errors);
    var here = sceneState(current());
    spotList.textContent = '';
    if (here && here.hotspots.length) here.hotspots.forEach(function (h, i) {
      var li = el('li', spotList, { 'data-index': i });
      el('span', li, {}, spotName(h) + ' (yaw ' + fixed(h.yaw) + '°, pitch ' + fixed(h.pitch) + '°) ');
      button(li, T.toCentre, function () { var s = viewer().state(); send({ op: 'move', scene: here.id, index: i, yaw: s.yaw, pitch: s.pitch }); },
        { 'aria-label': T.toCentre + ': ' + spotName(h), 'data-edit': 'to-centre' });
      button(li, T.del, function () { send({ op: 'delete', scene: here.id, index: i }); }, { 'aria-label': T.del + ': ' + spotName(h), 'data-edit': 'delete' });
    });
    else el('li', spotList, {}, T.none);
    sceneList.textContent = '';
    state.scenes.forEach(function (s, i) {
      var li = el('li', sceneList, { 'data-scene': s.id }), name = title(s.title) || s.id;
      el('span', li, {}, name + (i === 0 ? ' (' + T.entry + ') ' : ' '));
      var up = button(li, T.up, function () { send({ op: 'order', scene: s.id, to: i - 1 }); }, { 'aria-label': T.up + ': ' + name, 'data-edit': 'up' });
      var down = button(li, T.down, function () { send({ op: 'order', scene: s.id, to: i + 1 }); }, { 'aria-label': T.down + ': ' + name, 'data-edit': 'down' });
      up.hidden = i === 0; down.hidden = i === state.scenes.length - 1;
    });
    markers();
    refresh();
  }
  function spotName(h) {
    if (h.scene) { var s = sceneState(h.scene); return '→ ' + (title(h.text) || (s && title(s.title)) || h.scene); }
    return T.note + ': ' + title(h.text);
  }

  // The form for a new hotspot at (yaw, pitch): a door (choose the scene) or a note in every language.
  function openForm(yaw, pitch) {
    if (blocked() || busy) return;
    var here = current(), langs = state.languages, id = ++uid;
    form.textContent = ''; form.hidden = false;
    var set = el('fieldset', form);
    el('legend', set, {}, T.newAt + ' (yaw ' + fixed(yaw) + '°, pitch ' + fixed(pitch) + '°)');
    // Marked on the panorama while the form is filled in.
    pending = { yaw: yaw, pitch: pitch };
    markers();
    var kinds = el('div', set), door = state.scenes.length > 1;
    function radio(value, text, checked) {
      var label = el('label', kinds, { 'class': 'dinh-choice' }), r = el('input', label, { type: 'radio', name: 'dinh-kind-' + id, value: value, 'data-edit': 'kind-' + value });
      r.checked = checked; label.appendChild(D.createTextNode(' ' + text));
      r.addEventListener('change', show);
      return r;
    }
    var doorRadio = door && radio('door', T.door, true);
    radio('note', T.note, !door);
    var doorPart = el('div', set), notePart = el('div', set);
    if (door) {
      el('label', doorPart, { 'for': 'dinh-target-' + id }, T.target);
      var select = el('select', doorPart, { id: 'dinh-target-' + id, 'data-edit': 'target' });
      state.scenes.forEach(function (s) { if (s.id !== here) el('option', select, { value: s.id }, title(s.title) || s.id); });
    }
    var labels = langs.map(function (l) {
      el('label', doorPart, { 'for': 'dinh-label-' + l + id }, T.label + ' (' + l + ')');
      return el('input', doorPart, { type: 'text', id: 'dinh-label-' + l + id, lang: l, 'data-edit': 'label-' + l });
    });
    var texts = langs.map(function (l) {
      el('label', notePart, { 'for': 'dinh-text-' + l + id }, T.text + ' (' + l + ')');
      return el('textarea', notePart, { id: 'dinh-text-' + l + id, lang: l, rows: 2, 'data-edit': 'text-' + l });
    });
    function show() { var d = doorRadio && doorRadio.checked; doorPart.hidden = !d; notePart.hidden = d; }
    show();
    var add = el('button', set, { type: 'submit', 'data-edit': 'add' }, T.add);
    button(set, T.cancel, function () { form.hidden = true; form.textContent = ''; pending = null; markers(); }, { 'data-edit': 'cancel' });
    form.onsubmit = function (e) {
      e.preventDefault();
      var body = { op: 'add', scene: here, yaw: yaw, pitch: pitch };
      if (doorRadio && doorRadio.checked) {
        body.target = select.value;
        body.label = langs.map(function (l, i) { return [l, labels[i].value]; });
      } else {
        body.text = langs.map(function (l, i) { return [l, texts[i].value]; });
        if (!texts[0].value.trim()) { fail(T.needText); texts[0].focus(); return; }
      }
      send(body).then(function (j) { if (j && j.ok) { form.hidden = true; form.textContent = ''; pending = null; markers(); } });
    };
    // Beside the point, over the other half of the panorama, where it is wide enough: under it, the form
    // opened out of a laptop's sight, and scrolling to it hid the point. Else under it, as the page flows.
    var c = camera(), p = c && toScreen(c, yaw, pitch), beside = root.clientWidth >= 560;
    form.className = beside ? 'dinh-editor dinh-edit-float' + (p && p[0] > c.cw / 2 ? ' dinh-edit-left' : '') : '';
    if (beside) root.appendChild(form); else tools.after(form);
    // Without scrolling: the panorama, with the point marked, stays in sight.
    (door ? doorRadio : texts[0]).focus({ preventScroll: true });
    refresh();
    add.disabled = false;
  }

  // Camera as viewer.js has it: pixels of the view to a direction and back.
  function camera() {
    var v = viewer(), pane = root.querySelector('.dinh-view');
    if (!v || !pane) return null;
    var s = v.state(), cw = pane.clientWidth || 1, ch = pane.clientHeight || 1;
    var vf = cw >= ch ? 2 * M.atan(M.tan(s.fov * RAD / 2) * ch / cw) / RAD : s.fov;
    var fy = 1 / M.tan(vf * RAD / 2), fx = fy * ch / cw;
    var sy = M.sin(s.yaw * RAD), cy = M.cos(s.yaw * RAD), sp = M.sin(s.pitch * RAD), cp = M.cos(s.pitch * RAD);
    return { pane: pane, cw: cw, ch: ch, fx: fx, fy: fy, B: [[cy, 0, sy], [-sp * sy, cp, sp * cy], [cp * sy, sp, -cp * cy]] };
  }
  function look(yaw, pitch) { var cp = M.cos(pitch * RAD); return [cp * M.sin(yaw * RAD), M.sin(pitch * RAD), -cp * M.cos(yaw * RAD)]; }
  function dot(a, b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
  function toScreen(c, yaw, pitch) {
    var d = look(yaw, pitch), w = dot(d, c.B[2]);
    if (w <= 1e-3) return null;
    return [(c.fx * dot(d, c.B[0]) / w + 1) / 2 * c.cw, (1 - c.fy * dot(d, c.B[1]) / w) / 2 * c.ch];
  }
  function toAngles(c, clientX, clientY) {
    var r = c.pane.getBoundingClientRect(), x = 2 * (clientX - r.left) / c.cw - 1, y = 1 - 2 * (clientY - r.top) / c.ch;
    var d = [0, 1, 2].map(function (k) { return c.B[2][k] + x / c.fx * c.B[0][k] + y / c.fy * c.B[1][k]; });
    return [M.atan2(d[0], -d[2]) / RAD, M.atan2(d[1], M.hypot(d[0], d[2])) / RAD];
  }

  // Markers of the scene's hotspots (as the file has them) over the view, draggable.
  var layer = null, marks = [], drag = null, down = null, frame = 0, pending = null;
  function markers() {
    var stage = root.querySelector('.dinh-stage');
    if (!stage) return;
    if (!layer || layer.parentNode !== stage) layer = el('div', stage, { 'class': 'dinh-edit-layer' });
    layer.textContent = '';
    layer.hidden = !editing;
    var here = sceneState(current());
    marks = (editing && here ? here.hotspots : []).map(function (h, i) {
      var b = el('button', layer, { type: 'button', 'class': 'dinh-edit-spot' + (h.scene ? '' : ' dinh-edit-note'), 'data-index': i,
        'aria-label': T.marker + ' ' + (i + 1) + ': ' + spotName(h) + ' (' + T.drag + ')' });
      var m = { h: h, b: b, yaw: h.yaw, pitch: h.pitch };
      b.addEventListener('pointerdown', function (e) {
        if (busy || blocked()) return;
        e.preventDefault(); e.stopPropagation();
        b.setPointerCapture(e.pointerId);
        drag = { m: m, x: e.clientX, y: e.clientY, moved: false };
      });
      b.addEventListener('pointermove', function (e) {
        if (!drag || drag.m !== m) return;
        if (M.hypot(e.clientX - drag.x, e.clientY - drag.y) > 3) drag.moved = true;
        var c = camera(), a = c && toAngles(c, e.clientX, e.clientY);
        if (a) { m.yaw = a[0]; m.pitch = a[1]; }
      });
      function end(e) {
        if (!drag || drag.m !== m) return;
        var moved = drag.moved; drag = null;
        if (moved && e.type === 'pointerup') send({ op: 'move', scene: here.id, index: i, yaw: m.yaw, pitch: m.pitch });
        else { m.yaw = h.yaw; m.pitch = h.pitch; }
      }
      b.addEventListener('pointerup', end);
      b.addEventListener('pointercancel', end);
      // Keyboard: arrows move it by 1° (0.1° with Shift), Enter saves, Escape puts it back.
      b.addEventListener('keydown', function (e) {
        var step = e.shiftKey ? 0.1 : 1, k = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
        if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); send({ op: 'delete', scene: here.id, index: i }); }
        else if (k) {
          e.preventDefault();
          m.yaw += k[0]; m.pitch = M.max(-90, M.min(90, m.pitch + k[1])); m.moved = true;
          say('yaw ' + fixed(m.yaw) + '°, pitch ' + fixed(m.pitch) + '° — ' + T.keys);
        } else if (e.key === 'Enter' && m.moved) { e.preventDefault(); send({ op: 'move', scene: here.id, index: i, yaw: m.yaw, pitch: m.pitch }); }
        else if (e.key === 'Escape' && m.moved) { e.stopPropagation(); m.yaw = h.yaw; m.pitch = h.pitch; m.moved = false; say(''); }
      });
      return m;
    });
    if (editing && pending) marks.push({ b: el('span', layer, { 'class': 'dinh-edit-spot dinh-edit-new', 'aria-hidden': 'true' }), yaw: pending.yaw, pitch: pending.pitch });
    place();
  }
  function place() {
    cancelAnimationFrame(frame);
    if (!editing || !layer) return;
    var c = camera();
    if (c) marks.forEach(function (m) {
      var p = toScreen(c, m.yaw, m.pitch), on = p && p[0] >= 0 && p[1] >= 0 && p[0] <= c.cw && p[1] <= c.ch;
      m.b.hidden = !on;
      if (on) m.b.style.transform = 'translate(' + p[0].toFixed(1) + 'px,' + p[1].toFixed(1) + 'px)';
    });
    frame = requestAnimationFrame(place);
  }

  // A click on the panorama (pressed and released without dragging the view) opens the form there.
  function attach() {
    var pane = root.querySelector('.dinh-view');
    if (!pane || pane.dinhEditor) return;
    pane.dinhEditor = 1;
    pane.addEventListener('pointerdown', function (e) {
      if (!editing || e.button !== 0) return;
      var c = camera();
      down = c && { x: e.clientX, y: e.clientY, t: Date.now(), a: toAngles(c, e.clientX, e.clientY) };
    });
    pane.addEventListener('pointerup', function (e) {
      var d = down; down = null;
      if (!d || !editing || M.hypot(e.clientX - d.x, e.clientY - d.y) > 4 || Date.now() - d.t > 1000) return;
      openForm(d.a[0], d.a[1]);
    });
    root.addEventListener('dinh:scenechange', function () { form.hidden = true; pending = null; render(); });
  }

  function setEditing(on) {
    editing = on;
    toggle.setAttribute('aria-pressed', String(on));
    panel.hidden = !on;
    root.classList.toggle('dinh-editing', on);
    if (store) { if (on) store.setItem(KEY, '1'); else store.removeItem(KEY); }
    if (on && !state) send({ op: 'state' });
    render();
    if (!on) { form.hidden = true; if (layer) layer.hidden = true; }
  }

  // Waits for the viewer, then reads the file's scenes.
  var tries = 0;
  (function ready() {
    if (!viewer() || !root.querySelector('.dinh-view')) {
      if (++tries < 600) setTimeout(ready, 50);
      else { toggle.disabled = true; say(T.noViewer); }
      return;
    }
    attach();
    var said = store && store.getItem(KEY + ':said');
    if (said) { say(said.replace(T.reload, '.')); store.removeItem(KEY + ':said'); }
    send({ op: 'state' }).then(function () {
      if (store && store.getItem(KEY)) setEditing(true);
      box.setAttribute('data-ready', '1');
    });
  })();
})();
"""#
}
