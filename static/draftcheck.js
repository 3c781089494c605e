// Check a draft as the person types: posts the same form the button sends and
// shows the findings the server renders. Without JavaScript the button does it.
(function () {
  "use strict";
  var form = document.getElementById("draft-form");
  var findings = document.getElementById("findings");
  var status = document.getElementById("findings-status");
  if (!form || !findings || !window.fetch || !window.FormData) return;
  var draft = form.querySelector("#draft");
  var channel = form.querySelector("#channel");
  var timer = null;
  var controller = null;
  var sent = false;

  function check() {
    if (!draft.value.trim()) return;
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var data = new FormData(form);
    data.append("live", sent ? "repeat" : "first");
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Byline-Live": "1" },
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      var token = response.headers.get("X-CSRF-Token");
      var field = form.querySelector("input[name=csrf_token]");
      if (token && field) field.value = token;
      return response.ok || response.status === 400 ? response.text() : null;
    }).then(function (html) {
      if (html === null) return;
      sent = true;
      findings.innerHTML = html;
      var summary = findings.querySelector("[data-summary]");
      status.textContent = summary ? summary.getAttribute("data-summary") : "";
    }).catch(function () { /* offline or aborted: the button still works */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }

  draft.addEventListener("input", later);
  channel.addEventListener("change", function () { clearTimeout(timer); check(); });
})();
