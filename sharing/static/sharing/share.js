// "Copy link" and the system share sheet, where the browser offers them. Without script the
// links to Facebook, Zalo and the page itself stay; nothing here talks to a third party.
(function () {
  "use strict";
  function setUp(box) {
    var url = box.getAttribute("data-share-url");
    var title = box.getAttribute("data-share-title");
    var status = box.querySelector(".share__status");
    var copy = box.querySelector(".share__copy");
    var permalink = box.querySelector(".share__permalink");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      if (permalink) permalink.hidden = true;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(
          function () { status.textContent = status.getAttribute("data-copied"); },
          function () { status.textContent = status.getAttribute("data-failed"); }
        );
      });
    }
    var nativeItem = box.querySelector(".share__native-item");
    if (nativeItem && navigator.share) {
      nativeItem.hidden = false;
      nativeItem.querySelector("button").addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
  }
  document.querySelectorAll(".share[data-share-url]").forEach(setUp);
})();
