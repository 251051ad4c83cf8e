// Seek buttons of the assessment page: each sets its video to the start of a step.
// The page works without this file (each video opens at its step through the #t= fragment);
// the buttons stay hidden until this script shows them.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button[data-seek]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const video = document.getElementById(button.dataset.video || "");
      const at = Number(button.dataset.seek);
      if (video instanceof HTMLVideoElement && Number.isFinite(at)) {
        video.currentTime = at;
        video.focus();
      }
    });
  }
});
