// The oversight dashboard's charts, from the data-chart attribute of #charts (no inline script under the CSP).
(function () {
  var box = document.getElementById('charts');
  if (!box || !window.echarts) { return; }
  var d = JSON.parse(box.getAttribute('data-chart'));
  echarts.init(document.getElementById('chart-cities')).setOption({
    title: {text: '各地市报案与预警', textStyle: {fontSize: 14}}, tooltip: {trigger: 'axis'}, legend: {top: 22, data: ['报案', '预警']},
    grid: {left: 50, right: 20, top: 60, bottom: 60}, xAxis: {type: 'category', data: d.cities, axisLabel: {rotate: 30}},
    yAxis: {type: 'value', minInterval: 1},
    series: [{name: '报案', type: 'bar', data: d.reports, itemStyle: {color: '#b22222'}},
             {name: '预警', type: 'bar', data: d.warnings, itemStyle: {color: '#1f3a5f'}}]});
  echarts.init(document.getElementById('chart-money')).setOption({
    title: {text: '资金（元）', textStyle: {fontSize: 14}}, tooltip: {trigger: 'axis'},
    grid: {left: 80, right: 20, top: 40, bottom: 40}, xAxis: {type: 'category', data: d.money},
    yAxis: {type: 'value'}, series: [{type: 'bar', data: d.yuan, itemStyle: {color: '#c8a04a'}}]});
  echarts.init(document.getElementById('chart-channels')).setOption({
    title: {text: '劝阻方式', textStyle: {fontSize: 14}}, tooltip: {trigger: 'item'},
    series: [{type: 'pie', radius: ['35%', '65%'], data: d.channels}]});
  echarts.init(document.getElementById('chart-types')).setOption({
    title: {text: '各类诈骗损失（元）', textStyle: {fontSize: 14}}, tooltip: {trigger: 'axis'},
    grid: {left: 120, right: 20, top: 40, bottom: 30}, yAxis: {type: 'category', data: d.types},
    xAxis: {type: 'value'}, series: [{type: 'bar', data: d.typeLoss, itemStyle: {color: '#b22222'}}]});
})();
