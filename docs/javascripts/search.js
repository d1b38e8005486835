/* Eurasia Reader: Pagefind search (extra.papersite.search: pagefind).
 *
 * Loaded only in that mode (overrides/main.html), so Material's own search is
 * never touched. Two jobs, both idempotent:
 * - put the header's Search link (rendered hidden after the header) into the
 *   header bar, where Material's search button would be;
 * - on the Search page, mount Pagefind's own UI (pagefind-ui.js and .css from
 *   the site's pagefind/ bundle, fetched only there) with results split at
 *   the papers' sections and leading to the paragraph that matches; again
 *   after every instant navigation (document$).
 * A "?q=" in the Search page's address runs that query. */
(function () {
  var script = document.currentScript;
  var root = new URL("..", script ? script.src : window.location.href); /* this file is <site>/javascripts/search.js */
  var bundle = new URL("pagefind/", root);

  var link = document.querySelector("a.papersite-search-link");
  var bar = document.querySelector(".md-header__inner");
  if (link && bar) {
    link.setAttribute("href", link.href); /* absolute: the header stays across instant navigation */
    link.classList.add("md-header__button", "md-icon");
    bar.insertBefore(link, bar.querySelector(".md-header__source"));
    link.hidden = false;
  }

  /* Pagefind splits a page's results at headings with ids; lead each one on to
   * the paragraph, list item, reference, note or bibliography entry (the last
   * element with an id) where its first match is. */
  function toParagraph(result) {
    var blocks = (result.anchors || []).filter(function (a) { return /^(p|li|div)$/.test(a.element); });
    (result.sub_results || []).forEach(function (sub) {
      if (!sub.locations || !sub.locations.length) return;
      var first = Math.min.apply(null, sub.locations);
      var start = sub.anchor ? sub.anchor.location : -1;
      var best = null;
      blocks.forEach(function (a) { if (a.location > start && a.location <= first && (!best || a.location > best.location)) best = a; });
      if (best) sub.url = sub.url.split("#")[0] + "#" + encodeURIComponent(best.id);
    });
    return result;
  }

  var loaded = null;
  function load() {
    if (!loaded) {
      loaded = new Promise(function (resolve, reject) {
        var pending = 2;
        var done = function () { if (--pending === 0) resolve(); };
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = new URL("pagefind-ui.css", bundle).href;
        css.onload = done;
        css.onerror = done; /* unstyled is still usable */
        var js = document.createElement("script");
        js.src = new URL("pagefind-ui.js", bundle).href;
        js.onload = done;
        js.onerror = reject;
        document.head.append(css, js);
      });
    }
    return loaded;
  }

  function mount() {
    var box = document.getElementById("papersite-search");
    if (!box || box.getAttribute("data-mounted")) return;
    box.setAttribute("data-mounted", "true");
    load().then(function () {
      var ui = new window.PagefindUI({
        element: "#papersite-search",
        bundlePath: bundle.pathname,
        baseUrl: root.pathname,
        showSubResults: true,
        showImages: false,
        autofocus: true,
        processResult: toParagraph,
        translations: { placeholder: "Search the papers", search_label: "Search the papers" }
      });
      var input = box.querySelector("input.pagefind-ui__search-input"); /* named by more than its placeholder */
      if (input) input.setAttribute("aria-label", "Search the papers");
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) ui.triggerSearch(query);
    }, function () {
      box.textContent = "The search index is missing from this site (build it with papersite search-index).";
    });
  }

  if (typeof window.document$ !== "undefined") window.document$.subscribe(mount);
  else mount();
})();
