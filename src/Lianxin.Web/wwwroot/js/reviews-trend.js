// A unit's total per published round beside the street's average, on /reviews/units/{id}/stars (data from #chartData).
(function () {
    var data = JSON.parse(document.getElementById('chartData').textContent);
    if (!window.echarts) return;
    var chart = echarts.init(document.getElementById('trendChart'));
    chart.setOption({
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, width: 90, overflow: 'break' } },
        yAxis: { type: 'value', scale: true },
        series: [
            { type: 'line', name: data.unit, data: data.totals, itemStyle: { color: '#c8102e' }, label: { show: true } },
            { type: 'line', name: '街道平均', data: data.averages, lineStyle: { type: 'dashed' }, itemStyle: { color: '#6c757d' } }
        ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();
