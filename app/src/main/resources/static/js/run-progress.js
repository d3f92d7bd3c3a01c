// A running run's live progress: server-sent events, or polling the JSON progress when
// the browser or a proxy cannot keep an event stream open. The page reloads at the end.
(function () {
  var root = document.getElementById('progress');
  if (!root) {
    return;
  }
  var polling = null;

  function render(view) {
    var step = document.getElementById('progress-step');
    if (step) {
      step.textContent = view.step || '—';
    }
    var status = document.getElementById('run-status');
    var label = view.status && root.dataset['status' + view.status.charAt(0) + view.status.slice(1).toLowerCase()];
    if (status && label) {
      status.textContent = label;
    }
    var duration = document.getElementById('run-duration');
    if (duration) {
      duration.textContent = view.durationSeconds;
    }
    (view.stages || []).forEach(function (s) {
      var row = root.querySelector('[data-stage="' + s.stage + '"]');
      if (!row) {
        return;
      }
      var percent = s.total > 0 ? Math.min(100, Math.floor(s.done * 100 / s.total)) : 100;
      row.querySelector('progress').value = percent;
      row.querySelector('.count').textContent = s.done + '/' + s.total;
    });
  }

  function end() {
    if (polling) {
      clearInterval(polling);
    }
    window.location.reload();
  }

  function poll() {
    fetch(root.dataset.poll, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (view) {
        if (view) {
          render(view);
          if (!view.running) {
            end();
          }
        }
      })
      .catch(function () { /* the next poll tries again */ });
  }

  function startPolling() {
    if (!polling) {
      poll();
      polling = setInterval(poll, 2000);
    }
  }

  if (!window.EventSource) {
    startPolling();
    return;
  }
  var events = new EventSource(root.dataset.events);
  events.addEventListener('progress', function (e) { render(JSON.parse(e.data)); });
  events.addEventListener('end', function (e) {
    events.close();
    render(JSON.parse(e.data));
    end();
  });
  events.onerror = function () {
    events.close();
    startPolling();
  };
})();
