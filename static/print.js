// The Print button: shown only when JavaScript can press it. It sits after the
// other actions and the hint stays, so nothing on the page moves when it appears.
(function () {
  var button = document.querySelector("[data-print]");
  if (!button || typeof window.print !== "function") { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
