// A live blog's page keeps itself current (liveblog/models.py, updates_fragment): every
// 15 s it asks the page's stable endpoint `cap-nhat/` (no cache-busting query; the browser
// revalidates with If-None-Match and usually gets 304 from Varnish or the site). New updates
// wait behind a "N cập nhật mới" button instead of moving what the reader is reading; edits,
// deletions, pins and the end are shown in place. Without script the page is plain HTML.
(function () {
  var region = document.querySelector("[data-live-region]");
  if (!region || !window.fetch || !window.DOMParser) return;
  var box = document.querySelector("[data-live-new]");
  var button = document.querySelector("[data-live-show]");
  var endpoint = region.getAttribute("data-endpoint");
  var seconds = parseInt(region.getAttribute("data-interval"), 10) || 15;
  var waiting = null; // the newer feed, held until the reader asks for it
  var lastTag = null;

  function ids(root) {
    var found = {};
    root.querySelectorAll("[data-update-id]").forEach(function (node) {
      found[node.getAttribute("data-update-id")] = true;
    });
    return found;
  }

  function label(count) {
    if (count === 1) return region.getAttribute("data-label-one");
    return region.getAttribute("data-label-many").replace("__N__", String(count));
  }

  function show(feed) {
    var current = region.querySelector("[data-live-feed]");
    current.replaceWith(feed);
    waiting = null;
    box.hidden = true;
    var status = document.querySelector("[data-live-status]");
    if (status && feed.getAttribute("data-status") === "ended") {
      status.innerHTML = "";
      var ended = feed.querySelector(".live-feed__ended strong");
      if (ended) status.appendChild(ended.cloneNode(true));
    }
  }

  function received(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var feed = doc.querySelector("[data-live-feed]");
    if (!feed) return;
    feed = document.importNode(feed, true);
    var seen = ids(region);
    var fresh = 0;
    feed.querySelectorAll(".live-updates [data-update-id]").forEach(function (node) {
      if (!seen[node.getAttribute("data-update-id")]) fresh += 1;
    });
    if (fresh === 0) {
      show(feed); // edits, deletions, pins, the end: in place, nothing moves
      return;
    }
    waiting = feed;
    button.textContent = label(fresh);
    box.hidden = false;
  }

  function poll() {
    fetch(endpoint, { cache: "no-cache", credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) return null;
        var tag = response.headers.get("ETag");
        if (tag && tag === lastTag) return null;
        lastTag = tag;
        return response.text();
      })
      .then(function (html) {
        if (html) received(html);
      })
      .catch(function () {})
      .then(function () {
        var feed = region.querySelector("[data-live-feed]");
        if (feed && feed.getAttribute("data-status") === "ended" && !waiting) return;
        window.setTimeout(poll, seconds * 1000);
      });
  }

  button.addEventListener("click", function () {
    if (!waiting) return;
    var first = waiting.querySelector(".live-updates [data-update-id]");
    show(waiting);
    if (first) {
      var target = document.getElementById(first.getAttribute("id"));
      if (target) {
        target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }
  });
  window.setTimeout(poll, seconds * 1000);
})();
