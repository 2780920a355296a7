// The console's forms, without inline script (CSP): confirmation before destructive actions, the region picker
// (city, then its counties, from the city select's data-counties JSON) and payment rows added and removed in place.
(function () {
  // 1. a form with data-confirm is sent only once the officer says yes; capture runs before htmx's own handler
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var message = form && form.getAttribute ? form.getAttribute('data-confirm') : null;
    if (message && !window.confirm(message)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  function ready(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  // 2. region picker: the county list shows the chosen city's counties only; what was chosen stays chosen
  function regionPicker(city) {
    var county = document.getElementById(city.getAttribute('data-county'));
    var counties;
    try {
      counties = JSON.parse(city.getAttribute('data-counties'));
    } catch (err) {
      return; // the full server-rendered list stays
    }
    if (!county || !counties) { return; }
    var placeholder = county.options.length > 0 && county.options[0].value === '' ? county.options[0].text : '';
    function fill(keep) {
      while (county.firstChild) { county.removeChild(county.firstChild); }
      county.appendChild(new Option(placeholder, ''));
      (counties[city.value] || []).forEach(function (c) {
        county.appendChild(new Option(c[1], c[0], false, c[0] === keep));
      });
      if (keep && county.value !== keep && !counties[city.value]) {
        county.appendChild(new Option(keep, keep, true, true)); // a code from outside the list, kept as it came
      }
    }
    fill(county.value);
    city.addEventListener('change', function () { fill(''); });
  }

  // 3. payment rows: a copy of the first row, emptied, with ids of its own; any row but the first can go
  function paymentRows(add) {
    var fieldset = add.closest('fieldset');
    var next = fieldset.querySelectorAll('.payment-row').length;
    function removable(row) {
      var remove = row.querySelector('.remove-payment');
      if (!remove) { return; }
      remove.hidden = false;
      remove.addEventListener('click', function () {
        row.parentNode.removeChild(row);
        add.focus();
      });
    }
    fieldset.querySelectorAll('.payment-row').forEach(function (row, i) {
      if (i > 0) { removable(row); }
    });
    add.hidden = false;
    add.addEventListener('click', function () {
      var rows = fieldset.querySelectorAll('.payment-row');
      var first = rows[0];
      var row = first.cloneNode(true);
      var suffix = '-' + next++;
      row.querySelectorAll('input, select').forEach(function (field) {
        if (field.id) { field.id = field.id + suffix; }
        if (field.tagName === 'SELECT') {
          field.selectedIndex = 0;
          Array.prototype.slice.call(field.options).forEach(function (o) { o.defaultSelected = false; });
        } else {
          field.value = '';
          field.defaultValue = '';
        }
      });
      rows[rows.length - 1].insertAdjacentElement('afterend', row);
      removable(row);
      var firstField = row.querySelector('input');
      if (firstField) { firstField.focus(); }
    });
  }

  ready(function () {
    document.querySelectorAll('select[data-counties]').forEach(regionPicker);
    var add = document.getElementById('f-add-payment');
    if (add) { paymentRows(add); }
  });
})();
