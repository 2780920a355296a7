// Print buttons on the documents and the monthly report (no inline handlers under the CSP).
document.querySelectorAll('.print-button').forEach(function (b) {
  b.addEventListener('click', function () { window.print(); });
});
