// Narration player: shows the current caption as text beside the audio (deaf visitors, noisy
// courtyards). Audio is never preloaded: nothing is fetched until the visitor presses play.
(function () {
  var audio = document.querySelector("audio[data-dinh-narration]");
  var line = document.querySelector("[data-dinh-caption]");
  if (!audio || !line || !audio.textTracks || !audio.textTracks.length) return;
  var track = audio.textTracks[0];
  track.mode = "hidden";
  track.addEventListener("cuechange", function () {
    var cue = track.activeCues && track.activeCues[0];
    line.textContent = cue ? cue.text.replace(/<[^>]*>/g, "") : "";
  });
})();
// Per-scene narration follows the 360° tour: when the visitor walks to another scene, the
// scene player switches to that scene's audio (and keeps playing if it was playing).
(function () {
  var audio = document.querySelector("audio[data-dinh-scene-narration]");
  var pano = document.querySelector(".dinh-pano");
  if (!audio || !pano) return;
  var sources = JSON.parse(audio.getAttribute("data-dinh-scene-narration") || "{}");
  pano.addEventListener("dinh:scenechange", function (event) {
    var src = sources[event.detail && event.detail.scene];
    if (!src || audio.getAttribute("src") === src) return;
    var playing = !audio.paused;
    while (audio.firstChild) audio.removeChild(audio.firstChild);
    audio.setAttribute("src", src);
    if (playing) audio.play();
  });
})();
