// Ranking bar chart and per-unit radar on the review results page (data from #chartData).
(function () {
    var data = JSON.parse(document.getElementById('chartData').textContent);
    if (!window.echarts || data.units.length === 0) return;
    var units = data.units.slice().reverse();
    var rank = echarts.init(document.getElementById('rankChart'));
    rank.setOption({
        grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', min: function (v) { return Math.max(0, Math.floor(v.min - 10)); } },
        yAxis: { type: 'category', data: units.map(function (u) { return u.name; }) },
        tooltip: {},
        series: [{ type: 'bar', data: units.map(function (u) { return u.total; }), label: { show: true, position: 'right' }, itemStyle: { color: '#c8102e' } }]
    });
    var radar = echarts.init(document.getElementById('radarChart'));
    function draw(name) {
        var u = data.units.find(function (x) { return x.name === name; }) || data.units[0];
        radar.setOption({
            radar: { indicator: data.indicators, radius: '62%' },
            tooltip: {},
            series: [{ type: 'radar', data: [{ value: u.sections, name: u.name, areaStyle: { opacity: 0.2 } }], itemStyle: { color: '#c8102e' } }]
        });
    }
    var select = document.getElementById('radarUnit');
    select.addEventListener('change', function () { draw(select.value); });
    draw(select.value);
    window.addEventListener('resize', function () { rank.resize(); radar.resize(); });
})();
