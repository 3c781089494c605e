// Wide screens have room for folded panels (the ideas filters): open them there.
// Without this script the panel stays folded and opens with its summary.
// A link to a folded panel (a situation in the playbook) opens it.
(function () {
  function openTarget() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);
  if (!window.matchMedia("(min-width: 48rem)").matches) return;
  // Opened for real, then left to the person: the stylesheet that shows these
  // panels from the first paint applies only while they carry data-open-wide.
  document.querySelectorAll("details[data-open-wide]").forEach(function (d) {
    d.open = true;
    d.removeAttribute("data-open-wide");
  });
})();
