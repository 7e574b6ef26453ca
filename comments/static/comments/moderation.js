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
  // After an action the page says what changed, without a reload: each row's status text
  // and buttons, the counts of the status tabs, and the admin menu's "Bình luận (n)".
  var ACTION_STATUS = { approve: "approved", reject: "rejected", spam: "spam", trash: "trash" };
  function rowOf(id) {
    var box = document.querySelector('table.listing [data-object-id="' + id + '"]');
    return box ? box.closest("tr") : null;
  }
  function updateRow(row, item) {
    var cell = row.querySelector("[data-comment-status]");
    if (cell) { cell.textContent = item.label; cell.dataset.commentStatus = item.status; }
    row.dataset.status = item.status;
    row.querySelectorAll("[data-comment-action]").forEach(function (button) {
      var offered = ACTION_STATUS[button.dataset.commentAction] !== item.status;
      var holder = button.closest("li") || button;
      holder.hidden = !offered;
    });
  }
  function updateQueue(data) {
    (data.comments || []).forEach(function (item) {
      var row = rowOf(item.id);
      if (row) updateRow(row, item);
    });
    Object.keys(data.counts || {}).forEach(function (key) {
      document.querySelectorAll('[data-state-count="' + key + '"]').forEach(function (el) {
        el.textContent = "(" + data.counts[key] + ")";
      });
    });
    if (data.menu_label && config.list) {
      document.querySelectorAll('a[href="' + config.list + '"] .menuitem-label').forEach(function (el) {
        el.textContent = data.menu_label;
      });
    }
  }
  function markDone(row, action) {
    row.classList.add("comments-done");
    row.style.opacity = "0.6";
    row.dataset.moderated = action;
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
      post(keys[key], ids).then(function (data) {
        if (!data || !data.ok) return;
        updateQueue(data);
        ids.forEach(function (id) {
          var done = rowOf(id);
          if (!done) return;
          markDone(done, keys[key]);
          var box = done.querySelector("[data-object-id]:checked");
          if (box) box.click();  // Wagtail's bulk bar counts the selection
        });
      });
      return;
    }
    post(keys[key], [idOf(row)]).then(function (data) {
      if (!data || !data.ok) return;
      updateQueue(data);
      markDone(row, keys[key]);
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
      var label = button.textContent.trim();
      updateQueue(data);
      markDone(row, button.dataset.commentAction);
      var earlier = row.querySelector(".comments-row-done");
      if (earlier) earlier.remove();
      var done = document.createElement("strong");
      done.className = "comments-row-done";
      done.setAttribute("role", "status");
      done.textContent = "✓ " + label;
      (button.closest("td") || row).appendChild(done);
    });
  });
  var style = document.createElement("style");
  style.textContent = "tr.comments-focused{outline:3px solid #ffbf47;outline-offset:-3px}";
  document.head.appendChild(style);
})();
