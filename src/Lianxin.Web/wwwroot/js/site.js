// Confirm before destructive actions: <form data-confirm="…">.
document.addEventListener('submit', function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute('data-confirm');
    if (msg && !window.confirm(msg)) e.preventDefault();
});
// htmx sends the antiforgery token with its requests.
document.addEventListener('htmx:configRequest', function (e) {
    var t = document.querySelector('input[name="__RequestVerificationToken"]');
    if (t) e.detail.headers['RequestVerificationToken'] = t.value;
});
