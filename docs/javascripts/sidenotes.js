/* Eurasia Reader: editors' notes in the margin on wide screens.
 *
 * On a screen 100em (1600 px) or wider, a paper page's annotation boxes are
 * set beside their passage, in a margin to the right of the text (as Distill
 * and Tufte-style pages do); each starts level with its numbered mark, and
 * moves down when the note before it is still there. On narrower screens, in
 * print and without JavaScript they stay inline under the paragraph.
 * Re-laid out on each page Material swaps in, on resize and when the page's
 * height changes (a details box opened, fonts loaded). */
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 100em)");
  var GAP = 12;
  var pending = 0;

  function layout() {
    pending = 0;
    var article = document.querySelector("article.md-content__inner");
    var notes = article ? article.querySelectorAll(".admonition.annotation[id^='note-']") : [];
    var on = WIDE.matches && notes.length > 0;
    document.body.classList.toggle("papersite-sidenotes", on);
    notes.forEach(function (note) { note.style.top = ""; note.style.left = ""; });
    if (!on) return;
    var text = article.getBoundingClientRect();
    var lastBottom = -Infinity;
    notes.forEach(function (note) {
      var mark = document.getElementById(note.id.replace(/^note-/, "mark-"));
      var holder = note.offsetParent || article;
      var frame = holder.getBoundingClientRect();
      var want = mark ? mark.getBoundingClientRect().top : frame.top;
      var top = Math.max(want, lastBottom + GAP);
      note.style.top = Math.round(top - frame.top) + "px";
      note.style.left = Math.round(text.right + 2 * GAP - frame.left) + "px";
      lastBottom = top + note.offsetHeight;
    });
  }

  function schedule() {
    if (!pending) pending = window.requestAnimationFrame(layout);
  }

  var observer = typeof ResizeObserver !== "undefined" ? new ResizeObserver(schedule) : null;
  function start() {
    schedule();
    var article = document.querySelector("article.md-content__inner");
    if (observer && article) { observer.disconnect(); observer.observe(article); }
  }
  if (typeof window.document$ !== "undefined") window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
  window.addEventListener("resize", schedule);
  document.addEventListener("toggle", schedule, true);
})();
