// Live reload for the local preview only: the preview server adds this script to the pages it
// serves; it is never part of the published site. It reloads the tab after each rebuild, and
// shows the build's problems over the page while the sources are broken.
(function () {
  "use strict";
  var box = null;
  function show(text) {
    if (!box) {
      box = document.createElement("pre");
      box.id = "preview-problem";
      box.setAttribute("role", "alert");
      var s = box.style;
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
      s.margin = "0"; s.padding = "1rem 1.25rem"; s.maxHeight = "60vh"; s.overflow = "auto";
      s.background = "#7a1212"; s.color = "#fff"; s.font = "14px/1.5 ui-monospace, monospace";
      s.whiteSpace = "pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "The build failed; this is the last good version of the page.\n\n" + text;
  }
  function hide() {
    if (box) { box.remove(); box = null; }
  }
  var events = new EventSource("/_preview/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("problem", function (e) { show(e.data); });
  events.addEventListener("ok", hide);
})();
