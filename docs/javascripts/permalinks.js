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
