/* The live page's players: the browser plays HLS itself where it can (Safari, iOS, Android,
   recent Chromium); elsewhere the vendored hls.js (channels/static/channels/vendor/, pinned,
   same origin) is loaded, once, only then. Without script the <source> is still there. */
(function () {
  "use strict";
  var HLS_TYPE = "application/vnd.apple.mpegurl";
  var players = Array.prototype.slice.call(document.querySelectorAll("[data-hls-src]"));
  if (!players.length) return;
  var script = document.currentScript || document.querySelector("script[data-hls-library]");
  var library = script && script.getAttribute("data-hls-library");

  function native(element) {
    return element.canPlayType(HLS_TYPE) !== "";
  }

  function attach(element) {
    var hls = new window.Hls({ lowLatencyMode: false });
    hls.loadSource(element.getAttribute("data-hls-src"));
    hls.attachMedia(element);
    element.setAttribute("data-hls-player", "hls.js");
  }

  var needing = players.filter(function (element) {
    if (native(element)) {
      element.setAttribute("data-hls-player", "native");
      return false;
    }
    return true;
  });
  if (!needing.length || !library) return;
  var tag = document.createElement("script");
  tag.src = library;
  tag.onload = function () {
    if (!window.Hls || !window.Hls.isSupported()) return;
    needing.forEach(attach);
  };
  document.head.appendChild(tag);
})();
