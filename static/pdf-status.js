// "Being prepared" next to the PDF link turns into "ready" once the server has made it.
(function () {
  var note = document.querySelector("[data-pdf-status]");
  if (!note || !window.fetch) return;
  var tries = 0;
  function check() {
    fetch(note.getAttribute("data-pdf-status"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { ready: false }; })
      .then(function (s) {
        if (s.ready) note.textContent = "(ready)";
        else if (++tries < 30) setTimeout(check, 2000);
      })
      .catch(function () {});
  }
  setTimeout(check, 1500);
})();
