// The plan's fund-flow picture: drawn from #flow-data's data-chart, and again each time htmx swaps in a fresh
// #live fragment (no inline script under the CSP).
(function () {
  var colors = {PROPOSED: '#999', ISSUED: '#f0a020', EXECUTED: '#2e7d32', PARTIALLY_EXECUTED: '#7cb342', REJECTED: '#b22222', EXPIRED: '#555'};
  function draw() {
    var el = document.getElementById('flow-chart');
    var data = document.getElementById('flow-data');
    if (!el || !data || !window.echarts) { return; }
    var plan = JSON.parse(data.getAttribute('data-chart') || '[]');
    var nodes = {}, links = [];
    plan.forEach(function (i) {
      nodes[i.accountId] = {name: i.accountId, x: i.level * 200, y: Object.keys(nodes).length * 40,
        itemStyle: {color: colors[i.status] || '#555'}, label: {show: true, position: 'bottom', color: '#222'},
        tooltip: {formatter: i.accountId + '<br>' + i.statusText + ' ¥' + (i.amountFen / 100).toFixed(2)}};
      if (i.parentAccount) {
        if (!nodes[i.parentAccount]) { nodes[i.parentAccount] = {name: i.parentAccount, x: (i.level - 1) * 200, y: 0, label: {show: true, position: 'bottom', color: '#222'}}; }
        links.push({source: i.parentAccount, target: i.accountId, label: {show: true, formatter: '¥' + (i.amountFen / 100).toFixed(2)}});
      }
    });
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    // no animation: the picture is redrawn on every refresh and must not flicker
    chart.setOption({
      animation: false, tooltip: {}, series: [{type: 'graph', layout: 'none', symbolSize: 28, roam: true, edgeSymbol: ['none', 'arrow'],
        data: Object.values(nodes), links: links}]
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
  document.addEventListener('htmx:afterSwap', draw);
})();
