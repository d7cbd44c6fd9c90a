// Makes each .lx-picker (the Members pages and the motion form, issue 15) a combobox: typing asks the endpoint for matching units or compounds in
// the user's scope, picking one puts it into the (now hidden) select, which stays the field the form submits. Without this
// script the page still works: the search box is a GET and the select lists a short choice (the user's own units, the
// first compounds).
(function () {
    document.querySelectorAll('.lx-picker').forEach(function (root) {
        var select = root.querySelector('select');
        var input = root.querySelector('input[type=search]');
        var list = root.querySelector('[role=listbox]');
        var chosen = root.querySelector('.lx-picker-chosen');
        var label = root.querySelector('label');
        var timer = null, seq = 0, items = [], active = -1, next = null, query = '';

        select.hidden = true;
        // Removed, not hidden: inside a form it would stay the default button, and Enter in any field would search, not save.
        root.querySelector('.lx-picker-search button').remove();
        input.removeAttribute('name');
        input.removeAttribute('form');
        input.removeAttribute('aria-label');
        label.htmlFor = input.id;
        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', list.id);
        var current = select.options[select.selectedIndex];
        if (!input.value && current && current.value) input.value = current.getAttribute('data-name') || current.textContent;

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            active = -1;
        }

        function row(text, note, cls) {
            var li = document.createElement('li');
            li.className = 'list-group-item ' + cls;
            li.setAttribute('role', 'option');
            li.textContent = text;
            if (note) {
                var small = document.createElement('div');
                small.className = 'small text-muted';
                small.textContent = note;
                li.appendChild(small);
            }
            list.appendChild(li);
            return li;
        }

        function render() {
            list.replaceChildren();
            items.forEach(function (item, i) {
                var li = row(item.name, item.trail, 'list-group-item-action');
                li.id = list.id + '-' + i;
                li.setAttribute('aria-selected', i === active ? 'true' : 'false');
                if (i === active) li.classList.add('active');
                li.addEventListener('click', function () { choose(i); });
            });
            if (items.length === 0) row(root.getAttribute('data-empty'), '', 'text-muted').setAttribute('aria-disabled', 'true');
            if (next) {
                var more = row(root.getAttribute('data-more'), '', 'list-group-item-action text-primary');
                more.id = list.id + '-more';
                if (active === items.length) { more.classList.add('active'); }
                more.addEventListener('click', function () { search(query, next); });
            }
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
            var on = active >= 0 ? document.getElementById(active < items.length ? list.id + '-' + active : list.id + '-more') : null;
            if (on) { input.setAttribute('aria-activedescendant', on.id); on.scrollIntoView({ block: 'nearest' }); }
            else input.removeAttribute('aria-activedescendant');
        }

        function search(q, cursor) {
            var mine = ++seq;
            query = q;
            var url = root.getAttribute('data-endpoint') + '&q=' + encodeURIComponent(q) + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
            fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
                .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
                .then(function (page) {
                    if (mine !== seq) return;
                    list.setAttribute('aria-busy', 'false');
                    items = cursor ? items.concat(page.items) : page.items;
                    next = page.next;
                    if (!cursor) active = -1;
                    render();
                })
                .catch(function () {
                    if (mine !== seq) return;
                    list.setAttribute('aria-busy', 'false');
                    items = []; next = null;
                    list.replaceChildren();
                    row(root.getAttribute('data-failed'), '', 'text-danger').setAttribute('aria-disabled', 'true');
                    list.hidden = false;
                });
        }

        function choose(i) {
            if (i === items.length && next) { search(query, next); return; }
            var item = items[i];
            if (!item) return;
            var option = Array.prototype.find.call(select.options, function (o) { return o.value === item.id; });
            if (!option) {
                option = new Option(item.trail, item.id);
                option.setAttribute('data-name', item.name);
                select.add(option);
            }
            select.value = item.id;
            input.value = item.name;
            var trail = document.createElement('span');
            trail.setAttribute('data-user', '');
            trail.textContent = item.trail;
            chosen.replaceChildren(root.getAttribute('data-chosen'), trail);
            select.dispatchEvent(new Event('change', { bubbles: true }));
            close();
        }

        input.addEventListener('input', function () {
            clearTimeout(timer);
            seq++; // an answer still on its way is for text no longer in the box
            list.setAttribute('aria-busy', 'true');
            timer = setTimeout(function () { search(input.value.trim()); }, 200);
        });
        input.addEventListener('keydown', function (e) {
            var count = items.length + (next ? 1 : 0);
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                if (list.hidden) { search(input.value.trim()); return; }
                if (count === 0) return;
                active = e.key === 'ArrowDown' ? (active + 1) % count : (active <= 0 ? count - 1 : active - 1);
                render();
            } else if (e.key === 'Enter') {
                // Enter picks the highlighted unit (or the only match); it never submits the form while the list is open.
                if (!list.hidden) { e.preventDefault(); if (active >= 0) choose(active); else if (items.length === 1) choose(0); }
            } else if (e.key === 'Escape') {
                if (!list.hidden) { e.preventDefault(); close(); }
            }
        });
        // A click on the list must not blur the box first (that would close the list under the pointer).
        list.addEventListener('mousedown', function (e) { e.preventDefault(); });
        // Leaving the box shows the chosen unit again (the line under it says which one the form will send).
        input.addEventListener('blur', function () {
            close();
            // An emptied box clears a field that may be left empty (the select has a blank option, e.g. no residence).
            if (!input.value.trim() && select.querySelector('option[value=""]')) {
                if (select.value) { select.value = ''; chosen.replaceChildren(); select.dispatchEvent(new Event('change', { bubbles: true })); }
                return;
            }
            var option = select.options[select.selectedIndex];
            if (option && option.value) input.value = option.getAttribute('data-name') || option.textContent;
        });
    });
})();
