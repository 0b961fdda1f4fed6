// Daybook: renders the TeX in `.math` spans with KaTeX (served from this site). Without
// JavaScript, or if KaTeX fails on an expression, the TeX stays as written.
"use strict";
(function () {
  if (typeof katex === "undefined") return;
  document.querySelectorAll(".math").forEach(function (element) {
    var text = element.textContent.trim();
    var display = element.classList.contains("display");
    var open = display ? "\\[" : "\\(";
    var close = display ? "\\]" : "\\)";
    if (text.startsWith(open) && text.endsWith(close)) text = text.slice(2, -2);
    try {
      katex.render(text, element, { displayMode: display, throwOnError: true, output: "htmlAndMathml" });
    } catch (error) {
      element.title = "TeX could not be rendered: " + error.message;
    }
  });
})();
