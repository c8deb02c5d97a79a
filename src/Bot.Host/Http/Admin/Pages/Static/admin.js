// Keeps the cells marked data-live current: fetches the page's live JSON every few seconds while the tab is
// visible and writes each value into the element with that id. No framework; nothing inline (the CSP forbids it).
(function () {
  'use strict';
  var body = document.body;
  var url = body.getAttribute('data-live-url');
  if (!url || !window.fetch) return;
  var shape = body.getAttribute('data-live-shape');
  var every = parseInt(body.getAttribute('data-live-every'), 10) || 4000;
  var state = document.getElementById('live-state');
  var stale = document.getElementById('live-stale');

  function apply(data) {
    var cells = document.querySelectorAll('[data-live]');
    for (var i = 0; i < cells.length; i++) {
      var id = cells[i].getAttribute('data-live');
      if (Object.prototype.hasOwnProperty.call(data.values, id) && cells[i].textContent !== data.values[id]) {
        cells[i].textContent = data.values[id];
        cells[i].classList.add('changed');
      }
    }
    if (stale) stale.hidden = data.shape === shape;
    if (state) state.textContent = 'Live: updated ' + new Date().toLocaleTimeString();
  }

  function poll() {
    if (document.hidden) {
      setTimeout(poll, every);
      return;
    }
    fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status === 401 ? 'signed out' : 'status ' + response.status);
        return response.json();
      })
      .then(apply)
      .catch(function (error) {
        if (state) state.textContent = 'Live updates stopped (' + error.message + '): reload the page.';
      })
      .then(function () { setTimeout(poll, every); });
  }

  setTimeout(poll, every);
})();
