// The admin's date pickers (jQuery xdsoft datetimepicker) take "now" — the highlighted day,
// the hour offered, the "today" button — from the server's clock in the admin's time zone
// (Asia/Ho_Chi_Minh unless the user chose another), not from the browser's clock and zone,
// which may be Paris or days off (kontum_site/admin_clock.py gives data-now, the server's
// wall-clock time when the page was made). An empty field stays empty until a choice.
(function ($) {
  "use strict";
  var script = document.currentScript;
  var match = /^(\d+)-(\d+)-(\d+)T(\d+):(\d+):(\d+)$/.exec(script && script.getAttribute("data-now"));
  if (!$ || !$.fn.datetimepicker || !match) return;

  // Server wall-clock time as if it were UTC, and the browser's clock when we read it: the
  // time since then comes from the browser (its errors cancel out), the rest from the server.
  var serverWall = Date.UTC(+match[1], match[2] - 1, +match[3], +match[4], +match[5], +match[6]);
  var browserThen = Date.now();

  // A Date whose local fields (what the picker shows) are the server's wall-clock now.
  function serverNow() {
    var wall = new Date(serverWall + (Date.now() - browserThen));
    return new Date(
      wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(),
      wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()
    );
  }

  function useServerNow(input) {
    var picker = $(input).data("xdsoft_datetimepicker");
    var clock = picker && picker.data("xdsoft_datetime");
    if (!clock || clock.kontumServerNow) return;
    var ownNow = clock.now;
    clock.now = function (withoutDefaults) {
      var options = picker.data("options") || {};
      // Pickers given their own defaultDate/defaultTime keep xdsoft's handling (none here).
      if (!withoutDefaults && (options.defaultDate || options.defaultTime)) return ownNow.apply(this, arguments);
      return serverNow();
    };
    clock.kontumServerNow = true;
  }

  var datetimepicker = $.fn.datetimepicker;
  $.fn.datetimepicker = function () {
    var result = datetimepicker.apply(this, arguments);
    this.each(function () { useServerNow(this); });
    return result;
  };
  $.fn.datetimepicker.defaults = datetimepicker.defaults;
})(window.jQuery);
