// The Dinh viewer's CSS 3D renderer, loaded by viewer.js where WebGL may not read the tiles (file://,
// tiles from another origin): six faces of <img> tiles around a camera at the perspective point, so no
// pixel is ever read back. view() gives [scene, focal length in CSS pixels, pitch, yaw].
(function () {
  var D = document, FACES = 'frblud', TURN = ['', 'rotateY(-90deg)', 'rotateY(180deg)', 'rotateY(90deg)', 'rotateX(-90deg)', 'rotateX(90deg)'];
  // Its styles come with it (pages where WebGL reads the tiles never load them): the camera sits at the
  // perspective point, faces 1 px inside the cube so their edges overlap.
  D.head.appendChild(D.createElement('style')).textContent = '.dinh-cube{position:absolute;inset:0;overflow:hidden}' +
    '.dinh-cam,.dinh-cam div{position:absolute;left:50%;top:50%;transform-style:preserve-3d}' +
    '.dinh-cam div{left:0;top:0;background:0 0/600% 100% no-repeat;backface-visibility:hidden}.dinh-cam img{position:absolute;display:block}';
  window.dinhCSS3D = function (view) {
    var box = D.createElement('div'), cam = box.appendChild(D.createElement('div')), faces = [], size = 0;
    box.className = 'dinh-cube';
    cam.className = 'dinh-cam';
    for (var i = 0; i < 6; i++) faces.push(cam.appendChild(D.createElement('div')));
    return { el: box, max: 1e9,
      tex: function (img, q) {
        if (!q) {
          faces.forEach(function (f, i) { f.style.backgroundImage = 'url("' + img.src + '")'; f.style.backgroundPosition = i * 20 + '% 0'; });
          return faces;
        }
        var scene = view()[0], s = 100 * scene.tileSize / scene.levels[q[0]];
        img.alt = '';
        img.style.cssText = 'left:' + q[3] * s + '%;top:' + q[2] * s + '%;width:' + s + '%;height:' + s + '%;z-index:' + q[0];
        return faces[FACES.indexOf(q[1])].appendChild(img);
      },
      free: function (h) { if (h === faces) faces.forEach(function (f) { f.style.backgroundImage = ''; }); else h.remove(); },
      draw: function () {
        var v = view(), n = Math.min(v[0].levels[v[0].levels.length - 1], 2048), p = v[1];
        if (n !== size) { // faces half a pixel inside the cube, so their edges overlap
          size = n;
          faces.forEach(function (f, i) {
            f.style.cssText += ';width:' + n + 'px;height:' + n + 'px;margin:' + -n / 2 + 'px;transform:' + TURN[i] + ' translateZ(' + (0.5 - n / 2) + 'px)';
          });
        }
        box.style.perspective = p + 'px';
        cam.style.transform = 'translateZ(' + p + 'px) rotateX(' + v[2] + 'deg) rotateY(' + v[3] + 'deg)';
      } };
  };
})();
