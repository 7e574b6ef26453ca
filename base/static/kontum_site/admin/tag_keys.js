// Enter, comma and Tab add the typed tag even while suggestions are open. tag-it leaves those
// keys to jQuery UI's autocomplete while its menu shows, and the menu does nothing unless a
// suggestion is highlighted: the tag was lost. We close the menu first (capture phase, before
// tag-it's handler), so tag-it adds what was typed. A highlighted suggestion still wins on
// Enter and Tab.
(function () {
  'use strict';
  var KEYS = { Enter: true, ',': true, Tab: true };
  document.addEventListener(
    'keydown',
    function (event) {
      var input = event.target;
      if (!KEYS[event.key] || !window.jQuery || !(input instanceof HTMLInputElement)) return;
      if (!input.closest('ul.tagit')) return;
      var $input = window.jQuery(input);
      if (!$input.data('autocomplete-open') || !$input.val().trim()) return;
      var menu = $input.autocomplete('instance') && $input.autocomplete('instance').menu;
      if (menu && menu.active && event.key !== ',') return;
      $input.autocomplete('close');
    },
    true,
  );
})();
