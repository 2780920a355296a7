// The audit page's chart: reads per day, from the element's data-chart attribute (no inline script under the CSP).
(function () {
  var el = document.getElementById('reads-chart');
  if (!el || !window.echarts) { return; }
  var data = JSON.parse(el.getAttribute('data-chart'));
  echarts.init(el).setOption({
    grid: {left: 40, right: 20, top: 20, bottom: 30},
    xAxis: {type: 'category', data: data.days},
    yAxis: {type: 'value', minInterval: 1},
    tooltip: {trigger: 'axis'},
    series: [{type: 'bar', data: data.counts, itemStyle: {color: '#b22222'}}]
  });
})();
