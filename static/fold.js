// Wide screens have room for folded panels (the ideas filters): open them there.
// Without this script the panel stays folded and opens with its summary.
(function () {
  if (!window.matchMedia("(min-width: 48rem)").matches) return;
  document.querySelectorAll("details[data-open-wide]").forEach(function (d) { d.open = true; });
})();
