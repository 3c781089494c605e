// Step 5: Move up / Move down instead of order numbers. The rows are moved and
// every order select renumbered from the rows' places, so two themes never
// share a number. Without this script the numbers stay, and the server
// explains any clash.
(function () {
  var list = document.querySelector("ol[data-reorder]");
  if (!list) return;
  var rows = function () { return Array.prototype.slice.call(document.querySelectorAll("li.theme-row")); };
  var status = document.getElementById("themes-moved");
  function renumber() {
    rows().forEach(function (row, n) {
      var select = row.querySelector(".theme-order select");
      if (select && select.options.length > n) select.value = String(n + 1);
      var label = row.querySelector(".theme-title label");
      if (label) label.textContent = "Theme " + (n + 1);
      row.querySelectorAll(".theme-number").forEach(function (el) { el.textContent = String(n + 1); });
    });
  }
  // Start from the order the numbers describe, then number by place.
  var sorted = rows().filter(function (row) { return row.parentNode === list; });
  sorted.sort(function (a, b) {
    return Number(a.querySelector(".theme-order select").value) - Number(b.querySelector(".theme-order select").value);
  });
  sorted.forEach(function (row) { list.appendChild(row); });
  renumber();
  document.querySelectorAll(".theme-order").forEach(function (el) { el.hidden = true; });
  document.querySelectorAll(".theme-move, .js-only").forEach(function (el) { el.hidden = false; });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-move]");
    if (!button) return;
    var row = button.closest("li.theme-row");
    var all = rows();
    var at = all.indexOf(row);
    var to = button.dataset.move === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= all.length) return;
    var other = all[to];
    if (other.parentNode !== row.parentNode) {
      // Between the list and the "add another theme" rows: move into the other list.
      if (button.dataset.move === "up") other.parentNode.appendChild(row);
      else other.parentNode.insertBefore(row, other.parentNode.firstChild);
    } else if (button.dataset.move === "up") {
      row.parentNode.insertBefore(row, other);
    } else {
      row.parentNode.insertBefore(other, row);
    }
    renumber();
    button.focus();
    if (status) {
      var words = row.querySelector(".theme-title textarea").value || "The theme";
      status.textContent = "“" + words + "” is now theme " + (rows().indexOf(row) + 1) + ".";
    }
  });
})();
