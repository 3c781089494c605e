// Where the person lives, from the browser: on a first visit to step 5, the
// browser's time zone is selected and the country it belongs to with it. The
// state or region list then shows only the chosen country's regions.
// Without JavaScript the server's guess (from the browser's languages) stands.
(function () {
  var zone = document.getElementById("time_zone");
  var country = document.getElementById("country");
  var region = document.getElementById("region");
  var where = document.getElementById("where");
  if (!zone || !country || !region) { return; }

  if (where && where.getAttribute("data-guess") === "true" && window.Intl) {
    var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var option = browserZone && zone.querySelector('option[value="' + browserZone.replace(/"/g, "") + '"]');
    if (option) {
      zone.value = browserZone;
      var code = option.getAttribute("data-country");
      if (code && country.querySelector('option[value="' + code + '"]')) { country.value = code; }
    }
  }

  function showRegions() {
    var chosen = country.value;
    var any = false;
    region.querySelectorAll("optgroup").forEach(function (group) {
      var mine = false;
      group.querySelectorAll("option").forEach(function (opt) {
        if (opt.getAttribute("data-country") === chosen) { mine = true; }
      });
      group.hidden = !mine;
      group.disabled = !mine;
      any = any || mine;
    });
    var selected = region.options[region.selectedIndex];
    if (selected && selected.value && selected.getAttribute("data-country") !== chosen) {
      region.value = "";
    }
    var field = region.closest(".field");
    if (field && !field.classList.contains("field-error")) { field.hidden = !any; }
  }
  country.addEventListener("change", showRegions);
  showRegions();
})();
