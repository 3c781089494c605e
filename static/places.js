// Step 5, where the person lives. The page holds only the chosen country's
// states or regions and time zones. When the country changes, this script
// fetches the new country's lists (/places/<CC>.json, kept for the page's
// life) and puts them in place, keeping the region and time zone when they
// still fit, else the browser's own time zone when it is one of the
// country's. On a first visit it selects the browser's time zone and the
// country it belongs to. Without this script, the button under the country
// shows the step again with the new country's lists.
(function () {
  var where = document.getElementById("where");
  var country = document.getElementById("country");
  var region = document.getElementById("region");
  var zone = document.getElementById("time_zone");
  var refresh = document.getElementById("places-refresh");
  var regionField = document.getElementById("region-field");
  if (!where || !country || !region || !zone || !window.fetch) { return; }
  if (refresh) { refresh.hidden = true; }

  var kept = {};
  var browserZone = "";
  try { browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { browserZone = ""; }

  function load(url) {
    if (!kept[url]) {
      kept[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      });
      kept[url].catch(function () { delete kept[url]; });
    }
    return kept[url];
  }

  function has(select, value) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === value; });
  }

  function fill(select, pairs, first) {
    var chosen = select.value;
    while (select.options.length > first) { select.remove(first); }
    select.querySelectorAll("optgroup").forEach(function (group) { group.remove(); });
    pairs.forEach(function (pair) { select.add(new Option(pair[1], pair[0])); });
    return chosen;
  }

  function show(lists) {
    var oldRegion = fill(region, lists.regions, 1);
    region.value = has(region, oldRegion) ? oldRegion : "";
    var oldZone = fill(zone, lists.time_zones, 0);
    var wanted = [oldZone, browserZone, lists.time_zone].filter(function (z) {
      return z && z !== "UTC" && has(zone, z);
    });
    zone.value = wanted.length ? wanted[0] : lists.time_zone; // UTC gives way to the country's own
    if (regionField && !regionField.querySelector(".field-error")) {
      regionField.hidden = lists.regions.length === 0;
    }
  }

  function update() {
    var code = country.value;
    if (!code) { show({ regions: [], time_zones: [["UTC", "UTC"]], time_zone: "UTC" }); return; }
    load(where.getAttribute("data-places").replace("CC", code)).then(function (lists) {
      if (country.value === code) { show(lists); }
    }).catch(function () {
      if (refresh) { refresh.hidden = false; } // the button still works
    });
  }
  country.addEventListener("change", update);

  // A first visit: the browser's time zone, and the country it belongs to.
  if (where.getAttribute("data-guess") === "true" && browserZone && browserZone !== zone.value) {
    if (has(zone, browserZone)) {
      zone.value = browserZone;
    } else {
      var before = country.value;
      load(where.getAttribute("data-zones")).then(function (zones) {
        var code = zones[browserZone];
        if (!code || country.value !== before || !has(country, code)) { return; }
        country.value = code;
        update();
      }).catch(function () { return; });
    }
  }
})();
