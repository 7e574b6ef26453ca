// Starts the admin widgets and panels that Wagtail would start with an inline <script>
// (kontum_site/admin_csp.py): the site's Content-Security-Policy runs no inline script.
// Each is a hidden element: data-kontum-new="Constructor" (new window.Constructor(...args))
// or data-kontum-call="function" (window.function(...args)), data-kontum-args = JSON array.
// Started as soon as the page is parsed, before any DOMContentLoaded handler (Wagtail's
// Stimulus controllers connect then, and its dropdowns move the chooser's buttons away), as
// an inline script would have; then whenever Wagtail adds some (an inline panel's new form,
// a modal), in document order: our MutationObserver is created before Stimulus's.
(function () {
  "use strict";
  var SELECTOR = "[data-kontum-new]:not([data-kontum-started]), [data-kontum-call]:not([data-kontum-started])";

  function start(element) {
    element.setAttribute("data-kontum-started", "");
    var args = JSON.parse(element.getAttribute("data-kontum-args") || "[]");
    var name = element.getAttribute("data-kontum-new") || element.getAttribute("data-kontum-call");
    var target = window[name];
    if (typeof target !== "function") {
      console.error("kontum: no admin widget named " + name);
      return;
    }
    if (element.hasAttribute("data-kontum-new")) {
      new (Function.prototype.bind.apply(target, [null].concat(args)))();
    } else {
      target.apply(window, args);
    }
  }

  function startAll(root) {
    var found = root.querySelectorAll ? root.querySelectorAll(SELECTOR) : [];
    if (root.matches && root.matches(SELECTOR)) start(root);
    Array.prototype.forEach.call(found, function (element) {
      if (!element.hasAttribute("data-kontum-started")) start(element);
    });
  }

  function watch() {
    startAll(document);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        Array.prototype.forEach.call(record.addedNodes, function (node) {
          if (node.nodeType === 1) startAll(node);
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("readystatechange", function once() {
      document.removeEventListener("readystatechange", once);
      watch();
    });
  } else {
    watch();
  }
})();
