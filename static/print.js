// The Print button: shown only when JavaScript can press it, instead of the hint.
(function () {
  var button = document.querySelector("[data-print]");
  if (!button || typeof window.print !== "function") { return; }
  var fallback = document.querySelector("[data-print-fallback]");
  button.hidden = false;
  if (fallback) { fallback.hidden = true; }
  button.addEventListener("click", function () { window.print(); });
})();
