/* Eurasia Reader: landing on a linked passage, and linking to any selection.
 *
 * 1. Whatever a link leads to (a paragraph, a claim's anchor inside one, a
 *    bibliography entry, a glossary term, a note) is marked "is-landed" and
 *    highlighted (papers.css), and scrolled clear of the header and the
 *    back-to-top button. Where the link carries a text fragment
 *    (#id:~:text=...) and the browser did not apply it itself (Material's
 *    instant navigation swaps pages without a browser navigation; older
 *    browsers ignore the directive), the named words are marked here.
 * 2. Selecting words in a paragraph shows a "Copy link to selection" button
 *    that copies the paragraph's permanent link with a text fragment for the
 *    selection.
 * Everything is delegated on the document or re-run on each page Material
 * swaps in, so it keeps working through instant navigation. */
(function () {
  "use strict";

  var pendingDirective = "";  // the text directive of the link just followed

  function directiveOf(href) {
    var at = href.indexOf(":~:");
    return at < 0 ? "" : href.slice(at + 3);
  }

  /* Remember the directive of a followed link before the address loses it.
   * A link to another page is followed without it: Chromium drops a directive
   * from an address that history.pushState sets, and Material's instant
   * navigation then sets the hash again, adding a second history entry (Back
   * would stay on the page). The words are marked here instead; for a full
   * load they are kept in sessionStorage for the next page. */
  var STORE = "papersite-text-directive";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href*=':~:']");
    if (!link) return;
    var href = link.getAttribute("href");
    pendingDirective = directiveOf(href);
    var plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !link.target;
    var url = new URL(link.href, window.location.href);
    if (!plain || url.pathname === window.location.pathname || url.origin !== window.location.origin) return;
    try {
      sessionStorage.setItem(STORE, JSON.stringify({ path: url.pathname, id: url.hash.slice(1).split(":~:")[0], directive: pendingDirective }));
    } catch (e) { /* storage refused: an instant navigation still marks the words */ }
    link.setAttribute("href", href.slice(0, href.indexOf(":~:")));
    window.setTimeout(function () { link.setAttribute("href", href); }, 0);
  }, true);

  function storedDirective(id) {
    try {
      var kept = JSON.parse(sessionStorage.getItem(STORE) || "null");
      sessionStorage.removeItem(STORE);
      return kept && kept.path === window.location.pathname && kept.id === id ? kept.directive : "";
    } catch (e) { return ""; }
  }

  function encodeTerm(text) {
    return encodeURIComponent(text.replace(/\s+/g, " ").trim())
      .replace(/-/g, "%2D").replace(/[!'()*]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase(); });
  }

  /* The start and end words of a text directive (prefix- and -suffix ignored). */
  function parseDirective(directive) {
    var text = directive.split("&").filter(function (part) { return part.indexOf("text=") === 0; })[0];
    if (!text) return null;
    var terms = text.slice(5).split(",").map(function (t) {
      try { return decodeURIComponent(t); } catch (e) { return t; }
    }).filter(function (t) { return t && t.slice(-1) !== "-" && t[0] !== "-"; });
    return terms.length ? { start: terms[0], end: terms.length > 1 ? terms[terms.length - 1] : "" } : null;
  }

  function wordsPattern(text) {
    return text.trim().split(/\s+/).map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("\\s+");
  }

  /* Mark the words a directive names inside ``box``: one <mark> per text node touched. */
  function markText(box, directive) {
    var parsed = parseDirective(directive);
    if (!parsed) return null;
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    var nodes = [], text = "", node;
    while ((node = walker.nextNode())) { nodes.push({ node: node, at: text.length }); text += node.data; }
    var start = new RegExp(wordsPattern(parsed.start), "i").exec(text);
    if (!start) return null;
    var from = start.index, to = start.index + start[0].length;
    if (parsed.end) {
      var end = new RegExp(wordsPattern(parsed.end), "ig");
      end.lastIndex = to;
      var found = end.exec(text);
      if (found) to = found.index + found[0].length;
    }
    var first = null;
    nodes.forEach(function (item) {
      var a = Math.max(from, item.at), b = Math.min(to, item.at + item.node.data.length);
      if (a >= b || !item.node.data.slice(a - item.at, b - item.at).trim()) return;
      var range = document.createRange();
      range.setStart(item.node, a - item.at);
      range.setEnd(item.node, b - item.at);
      var mark = document.createElement("mark");
      mark.className = "landed-text";
      range.surroundContents(mark);
      first = first || mark;
    });
    return first;
  }

  function clearLanding() {
    document.querySelectorAll(".is-landed").forEach(function (e) { e.classList.remove("is-landed"); });
    document.querySelectorAll("mark.landed-text").forEach(function (mark) {
      var parent = mark.parentNode;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    });
  }

  /* Mark (and after instant navigation, scroll to) what the address names. */
  var landed = { id: "", directive: "" };

  function land(firstLoad) {
    var hash = window.location.hash.slice(1);
    var directive = directiveOf(hash) || pendingDirective;
    pendingDirective = "";
    var id = hash.split(":~:")[0];
    try { id = decodeURIComponent(id); } catch (e) { /* keep it as written */ }
    // Material may report the same landing twice (a swap, then a hash change
    // without the directive): keep what is marked.
    if (!firstLoad && id === landed.id && (!directive || directive === landed.directive) && document.querySelector(".is-landed")) return;
    clearLanding();
    landed = { id: id, directive: directive };
    var target = id && document.getElementById(id);
    if (!target) return;
    // A named anchor (a claim, a former id) is an empty span inside its paragraph.
    var box = target.classList.contains("anchor-alias") ? target.parentElement : target;
    box.classList.add("is-landed");
    var browserDidIt = false;
    if (!directive && firstLoad) {  // a full load: the browser keeps the directive out of the address
      var entry = window.performance && performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
      directive = entry ? directiveOf(entry.name) : "";
      browserDidIt = Boolean(directive) && "fragmentDirective" in document;
    }
    directive = directive || storedDirective(id);
    var mark = directive && !browserDidIt ? markText(box, directive) : null;
    if (firstLoad && !mark) return;  // the browser has scrolled there itself
    var settle = function () {
      if (mark) mark.scrollIntoView({ block: "center" });
      else box.scrollIntoView({ block: "start" });
    };
    window.requestAnimationFrame(settle);
    window.setTimeout(settle, 150);
  }

  if (typeof window.document$ !== "undefined") {
    var first = true;
    window.document$.subscribe(function () { land(first); first = false; });
  } else {
    document.addEventListener("DOMContentLoaded", function () { land(true); });
  }
  window.addEventListener("hashchange", function () { land(false); });

  /* --- Copy a link to the selection ------------------------------------- */

  var LINKABLE = ".md-typeset .para[id], .md-typeset .bib-entry[id], .md-typeset .annotation[id], .md-typeset .annotation-entry[id]";
  var button = null;

  function selectionLink() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    var within = function (n) { return (n.nodeType === 1 ? n : n.parentElement).closest(LINKABLE); };
    var box = within(range.startContainer);
    if (!box || box !== within(range.endContainer)) return null;
    var words = selection.toString().replace(/¶/g, " ").trim().split(/\s+/);
    // A word cut by the selection would not match as a whole word: leave it out.
    var cut = function (container, offset) { return container.nodeType === 3 && /\w/.test(container.data.charAt(offset) || "") && /\w/.test(container.data.charAt(offset - 1) || ""); };
    if (words.length > 1 && cut(range.startContainer, range.startOffset)) words.shift();
    if (words.length > 1 && cut(range.endContainer, range.endOffset)) words.pop();
    if (!words.join("")) return null;
    var directive = words.length <= 10
      ? encodeTerm(words.join(" "))
      : encodeTerm(words.slice(0, 5).join(" ")) + "," + encodeTerm(words.slice(-5).join(" "));
    var url = window.location.origin + window.location.pathname + "#" + box.id + ":~:text=" + directive;
    return { box: box, url: url, rect: range.getBoundingClientRect() };
  }

  function hideButton() {
    if (button && document.activeElement !== button) { button.hidden = true; }
  }

  function showButton(found) {
    if (!button || !document.body.contains(button)) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "selection-link md-button";
      // Keep the selection: pressing the button must not collapse it.
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      button.addEventListener("click", function () {
        var url = button.getAttribute("data-url");
        var done = function () { button.textContent = "Link copied"; };
        if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, function () { window.prompt("Link to the selection:", url); });
        else window.prompt("Link to the selection:", url);
      });
      button.addEventListener("keydown", function (event) { if (event.key === "Escape") { button.hidden = true; } });
    }
    if (button.parentElement !== found.box) found.box.appendChild(button);  // next in the tab order
    button.textContent = "Copy link to selection";
    button.setAttribute("data-url", found.url);
    var box = found.box.getBoundingClientRect();
    button.style.top = Math.max(0, found.rect.bottom - box.top + 6) + "px";
    button.style.left = Math.max(0, Math.min(found.rect.left - box.left, box.width - 200)) + "px";
    button.hidden = false;
  }

  var timer = 0;
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var found = selectionLink();
      if (found) showButton(found); else hideButton();
    }, 120);
  });
})();
