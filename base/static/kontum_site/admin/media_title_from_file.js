// wagtailmedia's "add audio or video" fills an empty title from the file's name; its inline
// script cannot run under the site's Content-Security-Policy, so it lives here.
(function () {
  "use strict";
  function ready() {
    var fileWidget = document.getElementById("id_file");
    var titleWidget = document.getElementById("id_title");
    if (!fileWidget || !titleWidget) return;
    fileWidget.addEventListener("change", function () {
      if (titleWidget.value === "") {
        var parts = fileWidget.value.split("\\");
        titleWidget.value = parts[parts.length - 1].replace(/\.[^.]+$/, "");
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
