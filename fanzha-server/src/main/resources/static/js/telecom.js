// Forms that undo or refuse something ask first: a form with data-confirm="question" is sent only when the officer
// says yes. One handler for the whole console: if another script (forms.js) already confirms forms, it is left to it.
(function () {
  'use strict';
  if (window.fanzhaConfirm) {
    return;
  }
  window.fanzhaConfirm = true;
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !e.defaultPrevented && !window.confirm(question)) {
      e.preventDefault();
    }
  });
})();
