// Keyboard-first review (docs/operations.md, "Review queue"): the first doubtful field has
// the focus; Enter goes to the next field and, on the last, approves; Ctrl+Enter or Alt+A
// approves from anywhere; Alt+R goes to the rejection reason (Alt+R again, or Enter there,
// rejects); Alt+N opens the next record. Enter that confirms a Japanese IME conversion is
// left to the IME.
(function () {
  'use strict';
  var approve = document.getElementById('approve');
  var reject = document.getElementById('reject');
  var reason = document.getElementById('reason');
  var next = document.getElementById('next');
  var sent = false;

  function composing(e) {
    return e.isComposing || e.keyCode === 229;
  }

  function send(form) {
    if (form && !sent) {
      sent = true;
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }
  }

  var fields = approve ? Array.prototype.slice.call(approve.querySelectorAll('input[data-doubtful]:not([readonly])')) : [];
  if (fields.length > 0) {
    fields[0].focus();
    fields[0].select();
  }
  fields.forEach(function (field, i) {
    field.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.ctrlKey && !e.altKey && !e.metaKey && !composing(e)) {
        e.preventDefault();
        if (i + 1 < fields.length) {
          fields[i + 1].focus();
          fields[i + 1].select();
        } else {
          send(approve);
        }
      }
    });
  });

  document.addEventListener('keydown', function (e) {
    if (composing(e)) {
      return;
    }
    var key = (e.key || '').toLowerCase();
    if ((e.ctrlKey && e.key === 'Enter') || (e.altKey && key === 'a')) {
      e.preventDefault();
      send(approve);
    } else if (e.altKey && key === 'r' && reason) {
      e.preventDefault();
      if (document.activeElement === reason) {
        send(reject);
      } else {
        reason.focus();
      }
    } else if (e.altKey && key === 'n' && next) {
      e.preventDefault();
      window.location.href = next.href;
    }
  });
})();
