// Article view: select a piece of evidence (from the URL hash, a row, or a click in the text)
// and highlight every span of the text that proves it. Only classes change; no text is
// written, so nothing from the article is ever parsed as HTML.
(function () {
  "use strict";
  var text = document.getElementById("text");
  if (!text) {
    return;
  }
  var PREFER = ["e-", "s-", "p-", "a-"];

  function clear() {
    document.querySelectorAll(".sel, .ctx").forEach(function (el) {
      el.classList.remove("sel");
      el.classList.remove("ctx");
    });
  }

  function select(ref) {
    clear();
    if (!ref) {
      return;
    }
    var quoted = CSS.escape(ref);
    text.querySelectorAll('[data-context~="' + quoted + '"]').forEach(function (el) {
      el.classList.add("ctx");
    });
    var hits = text.querySelectorAll('[data-refs~="' + quoted + '"]');
    hits.forEach(function (el) { el.classList.add("sel"); });
    var row = document.getElementById("row-" + ref);
    if (row) {
      row.classList.add("sel");
    }
    var first = hits[0] || text.querySelector(".ctx");
    if (first) {
      // Scroll the text box only, not the page, so the rows stay where they were clicked.
      text.scrollTop = Math.max(0, first.offsetTop - text.clientHeight / 3);
    }
  }

  function fromHash() {
    var ref = "";
    try {
      ref = decodeURIComponent(window.location.hash.slice(1));
    } catch (e) {
      ref = "";
    }
    select(ref);
  }

  text.addEventListener("click", function (event) {
    var span = event.target.closest("[data-refs]");
    if (!span) {
      return;
    }
    var refs = span.getAttribute("data-refs").split(" ");
    for (var i = 0; i < PREFER.length; i++) {
      var found = refs.filter(function (r) { return r.indexOf(PREFER[i]) === 0; });
      if (found.length) {
        window.location.hash = found[found.length - 1];
        return;
      }
    }
  });

  document.querySelectorAll("#legend input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked);
    });
  });

  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
