// The 指标走势 panel on an org unit's page: fetch the chosen indicator's line from the roll-ups API and draw it.
(function () {
    var panel = document.getElementById('unitTrends');
    if (!panel || !window.echarts) return;
    var select = panel.querySelector('#trendCode');
    var link = panel.querySelector('[data-trend-link]');
    var status = panel.querySelector('[data-trend-status]');
    var chart = echarts.init(panel.querySelector('.lx-trend-chart'));

    function quarters() { return panel.querySelector('input[name=trendGrain]:checked').value === 'q'; }

    function draw(t) {
        var values = t.points.map(function (p) { return p.value; });
        status.textContent = values.every(function (v) { return v === null; }) ? panel.dataset.empty : '';
        chart.setOption({
            grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: t.points.map(function (p) { return p.label; }) },
            yAxis: { type: 'value', name: t.measure },
            series: [{ type: 'line', name: t.name, data: values, connectNulls: false, itemStyle: { color: '#c8102e' }, label: { show: true } }]
        }, true);
    }

    function load() {
        var query = 'unit=' + panel.dataset.unit + '&code=' + encodeURIComponent(select.value) + (quarters() ? '&quarters=true' : '');
        link.href = '/rollups/trend?' + query;
        fetch('/api/v1/rollups/trend?' + query.replace('unit=', 'unitId='), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
            .then(draw)
            .catch(function () { status.textContent = panel.dataset.failed; });
    }

    select.addEventListener('change', load);
    panel.querySelectorAll('input[name=trendGrain]').forEach(function (r) { r.addEventListener('change', load); });
    window.addEventListener('resize', function () { chart.resize(); });
    load();
})();
