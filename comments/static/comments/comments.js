/* Public comments: post without a reload, open the form under a comment for replies.
   Without JavaScript the form posts normally and the server answers with a page. */
(function () {
  "use strict";
  var section = document.querySelector("[data-comments]");
  if (!section || !window.fetch) return;
  var form = section.querySelector("#binh-luan-form");
  if (!form) return;
  var status = form.querySelector("[data-form-status]");
  var replying = form.querySelector("[data-replying]");
  var replyingText = form.querySelector("[data-replying-text]");
  var parentInput = form.querySelector("input[name=parent]");
  var tokenInput = form.querySelector("input[name=token]");
  var home = form.parentNode;
  var tokenFresh = false;

  // A form token serves one submission: after one is stored (or refused as already sent),
  // the next comment needs a new token.
  function refreshToken(force) {
    if (force === true) tokenFresh = false;
    if (tokenFresh || !form.dataset.tokenUrl) return;
    tokenFresh = true;
    fetch(form.dataset.tokenUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && data.token) tokenInput.value = data.token; })
      .catch(function () {});
  }
  // The comment box says how much room is left, and when the limit is reached.
  var counter = form.querySelector("[data-char-count]");
  var textarea = form.querySelector("textarea[name=body]");
  function updateCount() {
    if (!counter || !textarea) return;
    var max = parseInt(counter.dataset.max, 10);
    var left = max - textarea.value.length;
    if (left > max * 0.2 && left > 0) { counter.textContent = ""; return; }
    counter.textContent = left <= 0 ? counter.dataset.full : counter.dataset.left.replace("{n}", left);
    counter.classList.toggle("comment-form__count--full", left <= 0);
  }
  if (textarea) textarea.addEventListener("input", updateCount);

  // Pages may come from a cache: an old form token would be refused as expired.
  form.addEventListener("focusin", refreshToken, { once: true });

  function clearErrors() {
    status.textContent = "";
    form.querySelectorAll("[data-error-for]").forEach(function (el) { el.hidden = true; el.textContent = ""; });
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }

  function showMessage(text, isError) {
    status.textContent = "";
    var p = document.createElement("p");
    p.className = isError ? "comment-form__error" : "comments__notice";
    p.textContent = text;
    status.appendChild(p);
  }

  section.addEventListener("click", function (event) {
    var link = event.target.closest("[data-reply-to]");
    if (link) {
      event.preventDefault();
      var item = link.closest("li");
      item.querySelector(".comment__box").after(form);
      parentInput.value = link.dataset.replyTo;
      replyingText.textContent = (form.dataset.replyingTemplate || "↳ {name}").replace("{name}", link.dataset.replyName);
      replying.hidden = false;
      form.querySelector("textarea").focus();
      return;
    }
    if (event.target.closest("[data-cancel-reply]")) {
      event.preventDefault();
      endReply();
    }
  });

  // Back to a top-level comment: after "Cancel reply", and after a reply is sent.
  function endReply() {
    parentInput.value = "";
    replying.hidden = true;
    replyingText.textContent = "";
    home.appendChild(form);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, status: response.status, data: data };
        });
      })
      .then(function (result) {
        var data = result.data;
        if (result.ok) {
          form.querySelector("textarea").value = "";
          var wasReply = !!parentInput.value;
          if (wasReply) endReply();
          showMessage(data.message, false);
          if (wasReply) status.scrollIntoView({ block: "center" });
          refreshToken(true);
          return;
        }
        // A refusal brings the token for the next try (one that is not "too fast").
        if (data.token) tokenInput.value = data.token;
        else if (result.status === 409) refreshToken(true);
        showMessage(data.message, true);
        Object.keys(data.errors || {}).forEach(function (name) {
          var el = form.querySelector('[data-error-for="' + name + '"]');
          if (el) {
            el.textContent = data.errors[name].join(" ");
            el.hidden = false;
            el.parentNode.classList.add("has-error");
            // Screen readers: the field is invalid and says why.
            var input = form.querySelector('[name="' + name + '"]');
            if (input) {
              input.setAttribute("aria-invalid", "true");
              var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
              if (described.indexOf(el.id) < 0) described.push(el.id);
              input.setAttribute("aria-describedby", described.join(" "));
            }
          }
        });
      })
      .catch(function () { form.submit(); })
      .finally(function () { button.disabled = false; });
  });
})();
