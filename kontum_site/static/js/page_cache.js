/* Forms on cached pages: the page cache empties CSRF fields (one reader's token must not be
   served to another); fill them from /csrf-token/ (never cached; it sets the cookie too). */
(function () {
    "use strict";
    var fields = document.querySelectorAll("input[data-csrf-fill]");
    if (!fields.length) { return; }
    var pending = null;
    function fetchToken() {
        if (!pending) {
            pending = fetch("/csrf-token/", { credentials: "same-origin", cache: "no-store" })
                .then(function (response) { return response.json(); })
                .then(function (data) {
                    fields.forEach(function (field) { field.value = data.token; });
                    return data.token;
                })
                .catch(function () { pending = null; });
        }
        return pending;
    }
    fetchToken();
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var field = form.querySelector("input[data-csrf-fill]");
        if (!field || field.value) { return; }
        event.preventDefault();
        var submitter = event.submitter;
        fetchToken().then(function () {
            if (field.value) { form.requestSubmit(submitter && submitter.form === form ? submitter : undefined); }
        });
    }, true);
})();
