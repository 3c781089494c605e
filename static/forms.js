// Forms: after a failed submit, focus goes to the error summary; every text field
// with a limit shows how much is typed, so nothing is ever cut without a word.
(function () {
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) { summary.focus(); }

  function n(number) { return number.toLocaleString("en-GB"); }

  function update(count, field) {
    var limit = parseInt(count.getAttribute("data-limit"), 10);
    var typed = field.value.length;
    var over = typed > limit;
    count.classList.toggle("char-count-over", over);
    if (over) {
      count.textContent = n(typed) + " characters: " + n(typed - limit) + " too many (up to " + n(limit) + ")";
    } else if (typed === 0) {
      count.textContent = "Up to " + n(limit) + " characters";
    } else {
      count.textContent = n(typed) + " of " + n(limit) + " characters";
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll(".char-count[data-for]"), function (count) {
    var field = document.getElementById(count.getAttribute("data-for"));
    if (!field) { return; }
    field.addEventListener("input", function () { update(count, field); });
    update(count, field);
  });
})();
