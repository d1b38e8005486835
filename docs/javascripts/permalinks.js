/* Eurasia Reader: a paragraph's ¶ link copies the paragraph's full URL.
 *
 * The link still navigates as usual (the address bar shows the same URL);
 * copying just saves a step. Delegated on the document, so it keeps working
 * across Material's instant navigation. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.para-link, a.headerlink");
  if (!link || !navigator.clipboard) return;
  var url = new URL(link.getAttribute("href"), window.location.href).href;
  navigator.clipboard.writeText(url).then(function () {
    link.classList.add("copied");
    window.setTimeout(function () { link.classList.remove("copied"); }, 1500);
  }, function () { /* clipboard refused: the address bar still has the link */ });
});

/* Material's search overlay is a dialog with no name; screen readers announce
 * it as "Search" (axe-core: aria-dialog-name). The header is not replaced by
 * instant navigation, so naming it once is enough. */
(function () {
  var search = document.querySelector(".md-search[role='dialog']");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
})();

/* Landing on a permalink (highlight, scrolling after instant navigation) is
 * in landing.js. */

/* Links to other hosts are marked data-external: printed pages show their
 * address (print.css), and only theirs (Material makes every link absolute at
 * run time, so the address alone cannot tell them apart). */
(function () {
  var mark = function () {
    document.querySelectorAll(".md-content a[href]").forEach(function (a) {
      if (/^https?:$/.test(a.protocol) && a.host !== window.location.host) a.setAttribute("data-external", "");
    });
  };
  window.papersiteMarkExternal = mark;  // for content added later
  if (typeof window.document$ !== "undefined") window.document$.subscribe(mark);
  else document.addEventListener("DOMContentLoaded", mark);
})();
