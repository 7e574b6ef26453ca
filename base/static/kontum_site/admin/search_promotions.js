// Wagtail's search promotions form picks a popular search in a modal; its inline script
// cannot run under the site's Content-Security-Policy, so it lives here, started by
// start_widgets.js with the field's id and the chooser's URL.
window.kontumQueryChooser = function (id, url) {
  "use strict";
  var input = $("#" + id);
  $("#" + id + "-chooser").on("click", function () {
    ModalWorkflow({
      url: url,
      onload: QUERY_CHOOSER_MODAL_ONLOAD_HANDLERS,
      responses: {
        queryChosen: function (queryData) {
          input.val(queryData.querystring);
        },
      },
    });
  });
};
