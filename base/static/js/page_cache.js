/* Forms on cached pages: the page cache empties CSRF fields (one reader's token must not be
   served to another); fill them from /csrf-token/ (never cached; it sets the cookie too).
   The token is fetched again right before a form is sent: another response rendered meanwhile
   (a 404 for /favicon.ico, another tab) may have set a new csrftoken cookie. */
(function () {
    "use strict";
    var fields = document.querySelectorAll("input[data-csrf-fill]");
    if (!fields.length) { return; }
    function fetchToken() {
        return fetch("/csrf-token/", { credentials: "same-origin", cache: "no-store" })
            .then(function (response) { return response.json(); })
            .then(function (data) {
                fields.forEach(function (field) { field.value = data.token; });
                return data.token;
            });
    }
    fetchToken().catch(function () {});
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.querySelector("input[data-csrf-fill]")) { return; }
        if (form.dataset.csrfFresh === "1") { form.dataset.csrfFresh = ""; return; }
        event.preventDefault();
        var submitter = event.submitter;
        fetchToken().then(function () {
            form.dataset.csrfFresh = "1";
            form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
        }).catch(function () { form.dataset.csrfFresh = "1"; form.requestSubmit(); });
    }, true);
})();
