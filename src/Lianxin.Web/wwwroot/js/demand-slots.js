// Intake forms: the appointment-slot field shows only for service categories (代办·帮办·陪办·预约办),
// listing the slots that offer the chosen service. The server checks everything again.
(function () {
    var category = document.querySelector('[data-slot-category]');
    var box = document.querySelector('[data-slot-box]');
    var select = box && box.querySelector('select');
    if (!category || !box || !select) return;
    function sync() {
        var opt = category.options[category.selectedIndex];
        var mode = opt ? opt.getAttribute('data-mode') || 'None' : 'None';
        box.hidden = mode === 'None';
        var any = false;
        Array.prototype.forEach.call(select.options, function (o) {
            var modes = o.getAttribute('data-modes');
            if (modes === null) return;
            var fits = modes.split(',').indexOf(mode) >= 0;
            o.hidden = !fits;
            o.disabled = !fits;
            if (!fits && o.selected) select.value = '';
            any = any || fits;
        });
        var none = box.querySelector('[data-slot-none]');
        if (none) none.hidden = any;
    }
    category.addEventListener('change', sync);
    sync();
})();
