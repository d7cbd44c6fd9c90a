// Sorts a .lx-sortable table's body rows by a clicked header (numbers from data-sort, else the text); links in a header still navigate.
(function () {
    document.querySelectorAll('table.lx-sortable').forEach(function (table) {
        var heads = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads, function (th, col) {
            th.style.cursor = 'pointer';
            th.setAttribute('aria-sort', 'none');
            th.addEventListener('click', function (e) {
                if (e.target.closest('a')) return;
                var asc = th.getAttribute('aria-sort') !== 'ascending';
                Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
                th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                function key(row) {
                    var cell = row.cells[col];
                    var v = cell.getAttribute('data-sort');
                    if (v !== null && v !== '') return parseFloat(v);
                    return v === '' ? null : cell.textContent.trim();
                }
                rows.sort(function (a, b) {
                    var x = key(a), y = key(b);
                    if (x === null) return 1;
                    if (y === null) return -1;
                    var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
                    return asc ? c : -c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
            });
        });
    });
})();
