// A key of its own for each "add page" form, sent with every save from it (autosave, save,
// schedule, publish): the server creates the page once and sends later saves to it
// (drafts/quick_entry.py).
(function () {
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // Outside a secure context (plain http on a LAN address) randomUUID is missing.
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }
  function mark() {
    document.querySelectorAll("form[data-edit-form]").forEach(function (form) {
      if (!/\/pages\/add\//.test(form.getAttribute("action") || "")) return;
      if (form.querySelector('input[name="new_page_entry"]')) return;
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "new_page_entry";
      input.value = newKey();
      form.appendChild(input);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
