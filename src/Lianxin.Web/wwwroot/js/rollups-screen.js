// The 大屏: bar charts of each area's headline indicator across units; figures refresh every minute from ?handler=Data.
(function () {
    var data = JSON.parse(document.getElementById('screenData').textContent);
    var charts = [];
    var words = document.body.dataset; // 环比 and the brackets, in the page's language
    function fmt(v) { return v === null || v === undefined ? '—' : (Math.round(v * 10) / 10).toString(); }
    function draw(d) {
        d.charts.forEach(function (c, i) {
            var el = document.getElementById('chart' + i);
            if (!el || !window.echarts) return;
            var chart = charts[i] || (charts[i] = echarts.init(el, null, { renderer: 'canvas' }));
            chart.setOption({
                animation: false,
                title: { text: c.name + (c.measure ? words.open + c.measure + words.close : ''), left: 12, top: 8, textStyle: { color: '#e8eefc', fontSize: 18 } },
                grid: { left: 12, right: 24, top: 52, bottom: 12, containLabel: true },
                tooltip: {},
                xAxis: { type: 'category', data: c.units, axisLabel: { color: '#c7d3f0', fontSize: 14, interval: 0, rotate: c.units.length > 8 ? 30 : 0 } },
                yAxis: { type: 'value', axisLabel: { color: '#9fb0d9' }, splitLine: { lineStyle: { color: '#24407d' } } },
                series: [{ type: 'bar', data: c.values, itemStyle: { color: '#ff6b5b' }, label: { show: true, position: 'top', color: '#ffd666', fontSize: 14 } }]
            });
        });
    }
    function tiles(d) {
        var boxes = document.querySelectorAll('#tiles .tile');
        d.tiles.forEach(function (t, i) {
            var box = boxes[i];
            if (!box) return;
            box.querySelector('.value').firstChild.textContent = fmt(t.value);
            box.querySelector('.change').textContent = words.change + ' ' + (t.change === null ? '—' : (t.change > 0 ? '+' : '') + fmt(t.change));
        });
        document.getElementById('updated').textContent = d.updatedAt;
        document.getElementById('period').textContent = d.periodLabel;
    }
    draw(data);
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    setInterval(function () {
        fetch(location.pathname + '?handler=Data', { cache: 'no-store' })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (d) { if (d) { tiles(d); draw(d); } });
    }, 60000);
})();
