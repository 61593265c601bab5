// Video captions on a page opened from disk (file://, a USB stick): the browser refuses to fetch a
// .vtt there, so the same cues, written into each <track> at build time (data-cues), become a
// track made by the page. Over http(s) the <track> elements work as they are.
(function () {
  if (location.protocol != 'file:' || !window.VTTCue) return;
  [].forEach.call(document.querySelectorAll('video'), function (video) {
    [].forEach.call(video.querySelectorAll('track[data-cues]'), function (t) {
      var track = video.addTextTrack('captions', t.label, t.srclang);
      JSON.parse(t.getAttribute('data-cues')).forEach(function (c) { track.addCue(new VTTCue(c[0], c[1], c[2])); });
      track.mode = t.default ? 'showing' : 'hidden';
      video.removeChild(t);
    });
  });
})();
