/* Answer deadlines counting down: "剩余 01:59:30", or how long overdue; the row turns red when the time is up. */
(function () {
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    var host = document.querySelector('[data-left]');
    var leftText = host ? host.dataset.left : 'left', overText = host ? host.dataset.over : 'overdue',
      daysText = host ? host.dataset.days : 'd';
    document.querySelectorAll('.countdown[data-deadline]').forEach(function (el) {
      var left = Number(el.dataset.deadline) - Date.now();
      var s = Math.floor(Math.abs(left) / 1000), d = Math.floor(s / 86400);
      var hms = pad(Math.floor(s % 86400 / 3600)) + ':' + pad(Math.floor(s % 3600 / 60)) + ':' + pad(s % 60);
      el.textContent = (left < 0 ? overText : leftText) + ' ' + (d > 0 ? d + ' ' + daysText + ' ' : '') + hms;
      el.classList.toggle('alarm', left < 0);
      var row = el.closest('tr');
      if (row) { row.classList.toggle('overdue', left < 0); }
    });
  }
  tick();
  setInterval(tick, 1000);
  // rows htmx swapped in (a filtered list) count at once, not a second later
  document.addEventListener('htmx:afterSwap', tick);
})();
