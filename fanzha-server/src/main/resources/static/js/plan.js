// The plan's fund-flow picture: drawn from #flow-data's data-chart, and again each time htmx swaps in a fresh
// #live fragment (no inline script under the CSP). Left to right: the victim's account, then one column per level;
// each column's accounts get their own rows, so no two overlap; colour is the bank (one legend entry per bank), the
// border and the second line of the label are the stop's state; edges carry the amount. Clicking an account fills
// the side panel #flow-detail.
(function () {
  var states = {PROPOSED: '#999999', ISSUED: '#f0a020', EXECUTED: '#2e7d32', PARTIALLY_EXECUTED: '#7cb342',
                REJECTED: '#b22222', EXPIRED: '#555555'};
  var palette = ['#1f77b4', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#ff7f0e', '#2ca02c',
                 '#7f7f7f', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173'];
  var ROW = 72, MIN_HEIGHT = 320;
  var selected = null;
  var byAccount = {};

  function yuan(fen) {
    return '¥' + (fen / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  // one node per account: the instruction on it, or the account the money came from (the victim's at level 0)
  function nodesOf(plan, victimText) {
    var nodes = {};
    plan.forEach(function (i) {
      var n = nodes[i.accountId];
      if (!n || n.victim || i.level < n.level) {
        nodes[i.accountId] = {account: i.accountId, level: i.level, bank: i.bank, bankName: i.bankName || i.bank,
          status: i.status, statusText: i.statusText, amountFen: i.amountFen, stoppedFen: i.stoppedFen,
          holder: i.payeeName, history: i.history, parent: i.parentAccount, victim: false};
      }
    });
    plan.forEach(function (i) {
      if (i.parentAccount && !nodes[i.parentAccount]) {
        nodes[i.parentAccount] = {account: i.parentAccount, level: i.level - 1, bank: i.parentBank,
          bankName: i.parentBankName || i.parentBank, victim: i.level === 1, statusText: i.level === 1 ? victimText : '',
          parent: null};
      }
    });
    return nodes;
  }

  // columns by level; within a column, ordered by the row of the account the money came from (fewer crossings)
  function place(nodes) {
    var levels = {};
    Object.keys(nodes).forEach(function (k) {
      var n = nodes[k];
      (levels[n.level] = levels[n.level] || []).push(n);
    });
    var keys = Object.keys(levels).map(Number).sort(function (a, b) { return a - b; });
    var widest = 1;
    keys.forEach(function (l) { widest = Math.max(widest, levels[l].length); });
    keys.forEach(function (l) {
      var column = levels[l];
      column.sort(function (a, b) {
        var pa = a.parent && nodes[a.parent] ? nodes[a.parent].row : -1;
        var pb = b.parent && nodes[b.parent] ? nodes[b.parent].row : -1;
        return pa - pb || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0);
      });
      // columns and rows in units: the hidden axes below map them onto the chart, undistorted
      var offset = (widest - column.length) / 2;
      column.forEach(function (n, row) {
        n.row = row;
        n.x = l - keys[0];
        n.y = offset + row;
      });
    });
    return {widest: widest, columns: keys.length};
  }

  function fill(id, text) {
    var el = document.getElementById(id);
    if (el) { el.textContent = text == null ? '' : String(text); }
  }

  function detail(n) {
    var fields = document.getElementById('flow-fields');
    if (!fields || !n) { return; }
    document.getElementById('flow-hint').hidden = true;
    fields.hidden = false;
    fill('flow-account', n.account);
    fill('flow-bank', n.bankName || '—');
    fill('flow-holder', n.holder || '—');
    fill('flow-level', n.level);
    fill('flow-amount', n.amountFen == null ? '—' : yuan(n.amountFen) +
      (n.stoppedFen != null && n.status === 'PARTIALLY_EXECUTED' ? '（' + yuan(n.stoppedFen) + '）' : ''));
    fill('flow-status', n.statusText || '—');
    var history = document.getElementById('flow-history');
    history.hidden = !n.history;
    if (n.history) { history.setAttribute('href', n.history); }
    document.getElementById('flow-victim').hidden = !n.victim;
  }

  function draw() {
    var el = document.getElementById('flow-chart');
    var data = document.getElementById('flow-data');
    if (!el || !data || !window.echarts) { return; }
    var plan = JSON.parse(data.getAttribute('data-chart') || '[]');
    var nodes = nodesOf(plan, el.getAttribute('data-victim') || '');
    var size = place(nodes);
    // one category per bank, named as the legend shows it
    var banks = [], bankIndex = {};
    Object.keys(nodes).forEach(function (k) {
      var n = nodes[k];
      if (n.bankName && bankIndex[n.bankName] == null) {
        bankIndex[n.bankName] = banks.length;
        banks.push({name: n.bankName, itemStyle: {color: palette[banks.length % palette.length]}});
      }
    });
    var items = Object.keys(nodes).map(function (k) {
      var n = nodes[k];
      var state = n.victim ? '#1f3a5f' : (states[n.status] || '#555555');
      var tip = n.account + '<br>' + (n.bankName || '') + (n.holder ? ' · ' + n.holder : '') + '<br>' +
        (n.statusText || '') + (n.amountFen != null ? ' ' + yuan(n.amountFen) : '');
      return {name: n.account, value: [n.x, n.y], category: n.bankName ? bankIndex[n.bankName] : undefined,
        symbol: n.victim ? 'roundRect' : 'circle', symbolSize: n.victim ? [34, 26] : 28,
        itemStyle: {borderColor: state, borderWidth: n.victim || n.status === 'PROPOSED' ? 2 : 4,
                    borderType: n.status === 'PROPOSED' ? 'dashed' : 'solid', color: n.bankName ? undefined : '#cccccc'},
        label: {show: true, position: 'bottom', formatter: '{a|' + n.account + '}\n{s|' + (n.statusText || '') + '}',
                rich: {a: {color: '#222', fontSize: 11}, s: {color: state, fontSize: 11, fontWeight: 'bold'}}},
        tooltip: {formatter: tip}};
    });
    var links = [];
    plan.forEach(function (i) {
      if (i.parentAccount) {
        links.push({source: i.parentAccount, target: i.accountId,
          label: {show: true, formatter: (el.getAttribute('data-stop') || '') + yuan(i.amountFen), fontSize: 11, color: '#333', backgroundColor: '#fff'}});
      }
    });
    // tall enough for the widest column, the legend on top
    var height = Math.max(MIN_HEIGHT, size.widest * ROW + 100);
    if (el.style.height !== height + 'px') { el.style.height = height + 'px'; }
    var chart = echarts.getInstanceByDom(el) || echarts.init(el);
    chart.resize();
    byAccount = nodes;
    // no animation: the picture is redrawn on every refresh and must not flicker
    chart.setOption({
      animation: false, tooltip: {}, legend: {top: 4, data: banks.map(function (b) { return b.name; })},
      grid: {top: 56, bottom: 44, left: 70, right: 70},
      xAxis: {type: 'value', show: false, min: -0.15, max: Math.max(size.columns - 1, 1) + 0.15},
      yAxis: {type: 'value', show: false, inverse: true, min: -0.3, max: size.widest - 0.7},
      series: [{type: 'graph', layout: 'none', coordinateSystem: 'cartesian2d',
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8, lineStyle: {color: '#888', width: 1.5, curveness: 0},
        categories: banks, data: items, links: links}]
    }, {replaceMerge: ['series', 'xAxis', 'yAxis']});
    if (!el.getAttribute('data-clicks')) {
      el.setAttribute('data-clicks', '1');
      chart.on('click', function (p) {
        if (p.dataType === 'node') {
          selected = p.name;
          detail(byAccount[selected]);
        }
      });
      window.addEventListener('resize', function () { chart.resize(); });
    }
    if (selected && nodes[selected]) { detail(nodes[selected]); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
  document.addEventListener('htmx:afterSwap', draw);
})();
