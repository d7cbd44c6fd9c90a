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
// Behaviour that pages used to write inline (onclick=…), which the Content-Security-Policy blocks (ADR 0027).
document.addEventListener('click', function (e) {
    var t = e.target.closest && e.target.closest('[data-print], [data-remove-row]');
    if (!t) return;
    if (t.hasAttribute('data-print')) window.print();
    else t.closest('tr').remove();
});
document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('select[data-autosubmit]')) e.target.form.submit();
});
// A table wider than the screen scrolls in its box; a keyboard user reaches that box with Tab (axe scrollable-region-focusable).
function lxScrollables() {
    document.querySelectorAll('.table-responsive').forEach(function (box) {
        if (box.scrollWidth > box.clientWidth) box.tabIndex = 0; else box.removeAttribute('tabindex');
    });
}
document.addEventListener('DOMContentLoaded', lxScrollables);
window.addEventListener('resize', lxScrollables);
