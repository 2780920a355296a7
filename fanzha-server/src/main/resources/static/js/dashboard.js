// The oversight dashboard's charts, from the data-chart attribute of #charts (no inline script under the CSP).
(function () {
  var box = document.getElementById('charts');
  if (!box || !window.echarts) { return; }
  var d = JSON.parse(box.getAttribute('data-chart'));
  var cities = document.getElementById('chart-cities');
  var reportsName = cities.getAttribute('data-reports') || '报案';
  var warningsName = cities.getAttribute('data-warnings') || '预警';
  // reports and warnings differ by orders of magnitude: each has its own y-axis, so neither set of bars vanishes
  echarts.init(cities).setOption({
    title: {text: cities.getAttribute('data-title') || '各地市报案与预警', textStyle: {fontSize: 14}},
    tooltip: {trigger: 'axis'}, legend: {top: 22, data: [reportsName, warningsName]},
    grid: {left: 50, right: 50, top: 60, bottom: 60}, xAxis: {type: 'category', data: d.cities, axisLabel: {rotate: 30}},
    yAxis: [{type: 'value', name: reportsName, minInterval: 1, axisLine: {show: true, lineStyle: {color: '#b22222'}}},
            {type: 'value', name: warningsName, minInterval: 1, splitLine: {show: false},
             axisLine: {show: true, lineStyle: {color: '#1f3a5f'}}}],
    series: [{name: reportsName, type: 'bar', yAxisIndex: 0, data: d.reports, itemStyle: {color: '#b22222'}},
             {name: warningsName, type: 'bar', yAxisIndex: 1, data: d.warnings, itemStyle: {color: '#1f3a5f'}}]});
  function titled(id, fallback) {
    var el = document.getElementById(id);
    return {el: el, text: el.getAttribute('data-title') || fallback};
  }
  var money = titled('chart-money', '资金（元）');
  echarts.init(money.el).setOption({
    title: {text: money.text, textStyle: {fontSize: 14}}, tooltip: {trigger: 'axis'},
    grid: {left: 80, right: 20, top: 40, bottom: 40}, xAxis: {type: 'category', data: d.money},
    yAxis: {type: 'value'}, series: [{type: 'bar', data: d.yuan, itemStyle: {color: '#c8a04a'}}]});
  var channels = titled('chart-channels', '劝阻方式');
  echarts.init(channels.el).setOption({
    title: {text: channels.text, textStyle: {fontSize: 14}}, tooltip: {trigger: 'item'},
    series: [{type: 'pie', radius: ['35%', '65%'], data: d.channels}]});
  var types = titled('chart-types', '各类诈骗损失（元）');
  echarts.init(types.el).setOption({
    title: {text: types.text, textStyle: {fontSize: 14}}, tooltip: {trigger: 'axis'},
    grid: {left: 120, right: 20, top: 40, bottom: 30}, yAxis: {type: 'category', data: d.types},
    xAxis: {type: 'value'}, series: [{type: 'bar', data: d.typeLoss, itemStyle: {color: '#b22222'}}]});

  // The map of Shaanxi by city: outlines fetched from /geo (see /geo/NOTICE.txt), one measure at a time.
  var mapBox = document.getElementById('chart-map');
  if (!mapBox || !d.map) { return; }
  var names = {reports: mapBox.getAttribute('data-reports'), lossYuan: mapBox.getAttribute('data-loss'),
               warnings: mapBox.getAttribute('data-warnings')};
  var colours = {reports: ['#fbe9e7', '#b22222'], lossYuan: ['#fdf5e2', '#a0522d'], warnings: ['#e8eef5', '#1f3a5f']};
  var byName = {};
  d.map.forEach(function (row) { byName[row.name] = row; });
  var map = echarts.init(mapBox);
  map.showLoading();
  function option(measure) {
    var max = 0;
    var data = d.map.map(function (row) {
      max = Math.max(max, row[measure]);
      return {name: row.name, value: row[measure]};
    });
    return {
      tooltip: {trigger: 'item', formatter: function (p) {
        var row = byName[p.name];
        if (!row) { return p.name; }
        return p.name + '<br>' + names.reports + '：' + row.reports + '<br>' + names.lossYuan + '：' +
          row.lossYuan.toLocaleString('zh-CN') + '<br>' + names.warnings + '：' + row.warnings;
      }},
      visualMap: {type: 'continuous', min: 0, max: Math.max(max, 1), left: 10, bottom: 10, calculable: true,
                  text: [names[measure], ''], inRange: {color: colours[measure]}},
      series: [{name: names[measure], type: 'map', map: 'shaanxi', roam: false, data: data, top: 16, bottom: 16,
                label: {show: true, fontSize: 10}, emphasis: {label: {show: true}},
                itemStyle: {borderColor: '#666', areaColor: '#f4f4f4'}}]
    };
  }
  var measures = document.querySelectorAll('#map-measures button[data-measure]');
  function show(measure) {
    measures.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-measure') === measure)); });
    map.setOption(option(measure), {replaceMerge: ['series', 'visualMap']});
  }
  // a click on a city: its counties as bars, reports and losses each on their own axis
  var countyBox = document.getElementById('chart-counties');
  function counties(city) {
    var row = byName[city];
    var rows = row && d.counties ? d.counties[row.code] : null;
    if (!countyBox || !rows) { return; }
    countyBox.hidden = false;
    var chart = echarts.getInstanceByDom(countyBox) || echarts.init(countyBox);
    chart.resize();
    chart.setOption({
      title: {text: countyBox.getAttribute('data-title').replace('{0}', city), textStyle: {fontSize: 14}},
      tooltip: {trigger: 'axis'}, legend: {top: 22, data: [names.reports, names.lossYuan]},
      grid: {left: 50, right: 80, top: 60, bottom: 70},
      xAxis: {type: 'category', data: rows.map(function (x) { return x.name; }), axisLabel: {rotate: 35, interval: 0}},
      yAxis: [{type: 'value', name: names.reports, minInterval: 1}, {type: 'value', name: names.lossYuan, splitLine: {show: false}}],
      series: [{name: names.reports, type: 'bar', yAxisIndex: 0, data: rows.map(function (x) { return x.reports; }),
                itemStyle: {color: '#b22222'}},
               {name: names.lossYuan, type: 'bar', yAxisIndex: 1, data: rows.map(function (x) { return x.lossYuan; }),
                itemStyle: {color: '#c8a04a'}}]
    }, {replaceMerge: ['series', 'xAxis']});
  }
  map.on('click', function (p) { if (p.componentType === 'series') { counties(p.name); } });
  fetch(mapBox.getAttribute('data-geo'), {credentials: 'same-origin'})
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (geo) {
      echarts.registerMap('shaanxi', geo);
      map.hideLoading();
      show('reports');
      measures.forEach(function (b) {
        b.addEventListener('click', function () { show(b.getAttribute('data-measure')); });
      });
    })
    .catch(function () {
      map.hideLoading();
      mapBox.textContent = mapBox.getAttribute('data-failed');
    });
  window.addEventListener('resize', function () {
    map.resize();
    if (countyBox && echarts.getInstanceByDom(countyBox)) { echarts.getInstanceByDom(countyBox).resize(); }
  });
})();
