// The photo gallery's viewer (base/blocks.py GalleryBlock). Without this script a gallery is
// a plain list of figures whose pictures link to their full size. With it, a click (or Enter)
// on a picture opens a full-screen <dialog>: ←/→ or a swipe move, Esc closes, the counter
// says "3/12", the caption is read out, and focus goes back to the picture that opened it.
(function () {
  var galleries = document.querySelectorAll("[data-gallery]");
  if (!galleries.length || typeof HTMLDialogElement !== "function") return;
  var labels = { close: "Close", prev: "Previous", next: "Next" };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setup(gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__link"));
    if (!links.length) return;
    labels.close = gallery.getAttribute("data-close") || labels.close;
    labels.prev = gallery.getAttribute("data-prev") || labels.prev;
    labels.next = gallery.getAttribute("data-next") || labels.next;
    var dialog = el("dialog", "gallery-viewer");
    dialog.setAttribute("aria-label", gallery.getAttribute("aria-label") || "");
    var close = el("button", "gallery-viewer__close", "×");
    close.type = "button";
    close.setAttribute("aria-label", labels.close);
    var prev = el("button", "gallery-viewer__prev", "‹");
    prev.type = "button";
    prev.setAttribute("aria-label", labels.prev);
    var next = el("button", "gallery-viewer__next", "›");
    next.type = "button";
    next.setAttribute("aria-label", labels.next);
    var figure = el("figure", "gallery-viewer__figure");
    var img = el("img", "gallery-viewer__image");
    var caption = el("figcaption", "gallery-viewer__caption");
    caption.setAttribute("aria-live", "polite");
    var counter = el("span", "gallery-viewer__counter");
    var words = el("span", "gallery-viewer__words");
    caption.appendChild(counter);
    caption.appendChild(words);
    figure.appendChild(img);
    figure.appendChild(caption);
    dialog.appendChild(close);
    dialog.appendChild(prev);
    dialog.appendChild(figure);
    dialog.appendChild(next);
    document.body.appendChild(dialog);
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var thumb = link.querySelector("img");
      var text = link.parentNode.querySelector("figcaption");
      img.src = link.getAttribute("data-full") || link.href;
      img.alt = thumb ? thumb.alt : "";
      img.width = +link.getAttribute("data-width") || 0;
      img.height = +link.getAttribute("data-height") || 0;
      counter.textContent = current + 1 + "/" + links.length;
      words.textContent = text ? " " + text.textContent.trim() : "";
    }

    function open(index) {
      opener = links[index];
      show(index);
      dialog.showModal();
      close.focus();
    }

    dialog.addEventListener("close", function () {
      if (opener) opener.focus();
    });
    close.addEventListener("click", function () { dialog.close(); });
    prev.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
      else if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
    });
    // A click on the backdrop (outside the picture and the buttons) closes.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    // Swipe: a horizontal pointer move of 40 px or more.
    var startX = null;
    figure.addEventListener("pointerdown", function (event) { startX = event.clientX; });
    figure.addEventListener("pointerup", function (event) {
      if (startX === null) return;
      var dx = event.clientX - startX;
      startX = null;
      if (Math.abs(dx) >= 40) show(current + (dx < 0 ? 1 : -1));
    });
    figure.addEventListener("pointercancel", function () { startX = null; });
    links.forEach(function (link, index) {
      // Enter on a link is a click: both open the viewer at this picture.
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        open(index);
      });
    });
  }

  Array.prototype.forEach.call(galleries, setup);
})();
