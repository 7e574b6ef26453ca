/* Keyboard moderation on the comments listing (documented above the table).
   j/k move, x selects, a/r/s/t/u act on the focused comment, Shift+key on the selection. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("comments-moderation-config").textContent);
  var keys = { a: "approve", r: "reject", s: "spam", t: "trash", u: "restore" };
  var current = -1;

  function csrf() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    var match = document.cookie.match(/csrftoken=([^;]+)/);
    return match ? match[1] : "";
  }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("table.listing tbody tr")); }
  function idOf(row) { var box = row.querySelector("[data-object-id]"); return box ? box.dataset.objectId : null; }
  function focusRow(index) {
    var list = rows();
    if (!list.length) return;
    current = Math.max(0, Math.min(index, list.length - 1));
    list.forEach(function (row) { row.classList.remove("comments-focused"); row.removeAttribute("aria-current"); });
    var row = list[current];
    row.classList.add("comments-focused");
    row.setAttribute("aria-current", "true");
    row.tabIndex = -1;
    row.focus();
  }
  function post(action, ids) {
    var body = new FormData();
    body.append("action", action);
    ids.forEach(function (id) { body.append("id", id); });
    return fetch(config.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), Accept: "application/json" },
    }).then(function (r) { return r.json(); });
  }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || event.ctrlKey || event.metaKey || event.altKey) return;
    var key = event.key.toLowerCase();
    var list = rows();
    if (key === "j") { focusRow(current + 1); event.preventDefault(); return; }
    if (key === "k") { focusRow(current - 1); event.preventDefault(); return; }
    if (key === "x" && event.shiftKey) {
      var all = document.querySelector("[data-bulk-action-select-all-checkbox]");
      if (all) all.click();
      event.preventDefault();
      return;
    }
    if (current < 0 || !list[current]) return;
    var row = list[current];
    if (key === "x") { var box = row.querySelector("[data-object-id]"); if (box) box.click(); event.preventDefault(); return; }
    if (key === "enter") { var link = row.querySelector("a"); if (link) window.location = link.href; return; }
    if (!keys[key]) return;
    event.preventDefault();
    if (event.shiftKey) {
      var ids = Array.prototype.map.call(document.querySelectorAll("[data-object-id]:checked"), function (b) { return b.dataset.objectId; });
      if (!ids.length) return;
      post(keys[key], ids).then(function () { window.location.reload(); });
      return;
    }
    post(keys[key], [idOf(row)]).then(function () {
      row.classList.add("comments-done");
      row.style.opacity = "0.45";
      row.dataset.moderated = keys[key];
      focusRow(current + 1);
    });
  });
  // One click in a row: approve, reject, spam or trash that comment (no detour).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-comment-action]");
    if (!button) return;
    event.preventDefault();
    var row = button.closest("tr");
    post(button.dataset.commentAction, [button.dataset.commentId]).then(function (data) {
      if (!data || !data.ok) return;
      row.classList.add("comments-done");
      row.style.opacity = "0.45";
      row.dataset.moderated = button.dataset.commentAction;
      var done = document.createElement("strong");
      done.className = "comments-row-done";
      done.setAttribute("role", "status");
      done.textContent = "✓ " + button.textContent.trim();
      button.parentNode.appendChild(done);
    });
  });
  var style = document.createElement("style");
  style.textContent = "tr.comments-focused{outline:3px solid #ffbf47;outline-offset:-3px}";
  document.head.appendChild(style);
})();
