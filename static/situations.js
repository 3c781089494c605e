// Step 6: a situation's summary follows the approach chosen inside it.
(function () {
  document.querySelectorAll("details.situation").forEach(function (details) {
    var shown = details.querySelector(".situation-choice");
    details.addEventListener("change", function (event) {
      var input = event.target;
      if (!shown || input.type !== "radio" || !input.checked) return;
      var label = details.querySelector('label[for="' + input.id + '"]');
      var text = label ? label.textContent.trim() : input.value;
      shown.textContent = (input.value === shown.dataset.recommended ? "Recommended: " : "Your choice: ") + text;
    });
  });
})();
