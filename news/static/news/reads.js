// Counts one read of this story (news/most_read.py): a POST to our own site, without cookies,
// once the page has been shown for two seconds. Nothing identifies the reader.
(function () {
  var article = document.querySelector("[data-read-url]");
  if (!article || !window.fetch) return;
  window.setTimeout(function () {
    fetch(article.getAttribute("data-read-url"), {
      method: "POST",
      credentials: "omit",
      keepalive: true,
    }).catch(function () {});
  }, 2000);
})();
