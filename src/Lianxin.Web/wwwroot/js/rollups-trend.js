// The line of one indicator over the periods on /rollups/trend (data from #chartData).
(function () {
    var data = JSON.parse(document.getElementById('chartData').textContent);
    if (!window.echarts) return;
    var chart = echarts.init(document.getElementById('trendChart'));
    chart.setOption({
        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: data.labels },
        yAxis: { type: 'value', name: data.measure },
        series: [{ type: 'line', name: data.name, data: data.values, connectNulls: false, itemStyle: { color: '#c8102e' }, label: { show: true } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();
