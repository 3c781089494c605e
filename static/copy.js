// Copy buttons: a comfort on top of a selectable text field that works without JavaScript.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  var field = document.getElementById(button.getAttribute("data-copy"));
  var status = button.closest("section, aside, div").parentElement.querySelector(".copy-status");
  if (!field || !navigator.clipboard) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      if (status) { status.textContent = "Copied. Paste it into a bookmark or a note to yourself."; }
    }, function () {
      field.select();
      if (status) { status.textContent = "Select the link and copy it with your keyboard."; }
    });
  });
});
