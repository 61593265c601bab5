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
