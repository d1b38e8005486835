/* Eurasia Reader: previews on touch screens.
 *
 * A mouse user hovers a citation, glossary term, note marker or editors' mark
 * and reads its tooltip (Material's content.tooltips, from the title
 * attribute). A touch user has no hover: a tap would leave the page at once.
 * So a tap on such a link opens a preview (the formatted reference, the
 * definition, the note) with a link onward; a second tap on the same link, or
 * the link in the preview, goes there. The preview closes on Escape, on a tap
 * outside it and on scroll. It opens below the link, or above it near the
 * bottom edge, and always inside the viewport.
 * Delegated on the document (capture phase, before Material's instant
 * navigation sees the click), so it works on every page Material swaps in. */
(function () {
  "use strict";

  var PREVIEWED = "a.cite, span.cite-unresolved, a.term, .fn-ref > a, .annotation-mark > a";
  var lastPointer = "mouse";
  var popover = null;
  var host = null;

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    if (popover && !popover.contains(event.target) && !(host && host.contains(event.target))) close();
  }, true);

  function textOf(element) {
    // Material moves a title into its own tooltip; keep our copy first.
    if (!element.hasAttribute("data-preview")) {
      element.setAttribute("data-preview", element.getAttribute("title") || element.getAttribute("aria-label") || element.textContent);
    }
    return element.getAttribute("data-preview");
  }

  function onward(element) {
    if (element.matches(".cite")) return "Go to the reference";
    if (element.matches(".term")) return "Go to the glossary";
    if (element.closest(".annotation-mark")) return "Go to the editors' note";
    return "Go to the note";
  }

  function close() {
    if (!popover) return;
    popover.remove();
    popover = null;
    if (host) host.removeAttribute("aria-expanded");
    host = null;
  }

  function place(box, anchor) {
    var rect = anchor.getBoundingClientRect();
    var margin = 8;
    var width = Math.min(window.innerWidth - 2 * margin, 360);
    box.style.width = width + "px";
    box.style.left = Math.max(margin, Math.min(rect.left, window.innerWidth - width - margin)) + "px";
    var height = box.offsetHeight;
    var below = rect.bottom + margin;
    var above = rect.top - margin - height;
    var top = below + height <= window.innerHeight - margin || above < margin ? below : above;
    top = Math.max(margin, Math.min(top, window.innerHeight - height - margin));
    box.style.top = top + "px";
    box.classList.toggle("preview-popover--above", top < rect.top);
  }

  function open(element) {
    close();
    host = element;
    popover = document.createElement("div");
    popover.className = "preview-popover md-typeset";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", "Preview");
    var text = document.createElement("p");
    text.className = "preview-text";
    text.textContent = textOf(element);
    popover.appendChild(text);
    var href = element.getAttribute("href");
    if (href) {
      var go = document.createElement("a");
      go.className = "preview-go";
      go.href = element.href;
      go.textContent = onward(element) + " →";
      popover.appendChild(go);
    }
    document.body.appendChild(popover);
    element.setAttribute("aria-expanded", "true");
    place(popover, element);
  }

  document.addEventListener("click", function (event) {
    var element = event.target.closest && event.target.closest(PREVIEWED);
    if (!element || lastPointer !== "touch") return;
    if (element === host && element.getAttribute("href")) { close(); return; }  // second tap: go there
    event.preventDefault();
    event.stopImmediatePropagation();
    open(element);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && popover) {
      var back = host;
      close();
      if (back && back.focus) back.focus();
    }
  });
  window.addEventListener("scroll", function () { close(); }, { passive: true });
  /* Mouse: Material's tooltip opens below its link; near the bottom edge it
   * would be cut off, so it is moved above the link instead. */
  function keepTooltipInside(element) {
    document.querySelectorAll(".md-tooltip2--active").forEach(function (tip) {
      var inner = tip.querySelector(".md-tooltip2__inner");
      if (!inner) return;
      tip.style.setProperty("transition", "none");
      tip.style.setProperty("transform", "none");
      var r = inner.getBoundingClientRect();
      if (r.bottom <= window.innerHeight - 4) { tip.style.removeProperty("transform"); tip.style.removeProperty("transition"); return; }
      var hostTop = element.getBoundingClientRect().top;
      tip.style.setProperty("transform", "translateY(" + Math.round(hostTop - 8 - r.height - r.top) + "px)");
      tip.classList.add("papersite-tooltip-above");
    });
  }
  document.addEventListener("mouseover", function (event) {
    var element = event.target.closest && event.target.closest(PREVIEWED);
    if (!element || lastPointer === "touch") return;
    [30, 120, 300].forEach(function (delay) { window.setTimeout(function () { keepTooltipInside(element); }, delay); });
  });
  document.addEventListener("mouseout", function (event) {
    if (!(event.target.closest && event.target.closest(PREVIEWED))) return;
    document.querySelectorAll(".papersite-tooltip-above").forEach(function (tip) {
      tip.classList.remove("papersite-tooltip-above");
      tip.style.removeProperty("transform");
      tip.style.removeProperty("transition");
    });
  });

  // Keep each title before Material's tooltips take it (on first hover or focus).
  var keep = function () { close(); document.querySelectorAll(PREVIEWED).forEach(textOf); };
  if (typeof window.document$ !== "undefined") window.document$.subscribe(keep);
  else document.addEventListener("DOMContentLoaded", keep);
})();
