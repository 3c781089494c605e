// Pre-fill the time zone from the browser when the field still shows the default.
(function () {
  var field = document.getElementById("time_zone");
  if (!field || field.value !== "UTC" || !window.Intl) { return; }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) { field.value = zone; }
})();
