// Chat, live: the conversation list and a conversation page without reloads. Both work
// without this file (plain links and a form that posts); with it, messages, "is typing"
// and read receipts arrive through the page's live channel (see site.js).
(function () {
  'use strict';
  var TYPING_EVERY_MS = 3000;
  var TYPING_HIDE_MS = 5000;

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body || {}),
    });
  }

  function fetchPage(url) {
    return fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } }).then(function (r) {
      if (!r.ok) throw new Error('page ' + r.status);
      return r.text().then(function (text) {
        return new DOMParser().parseFromString(text, 'text/html');
      });
    });
  }

  // The list: any message or read mark redraws it from the server, which knows the order and counts.
  var list = document.querySelector('[data-chat-list]');
  if (list && window.DOMParser) {
    var pending = null;
    document.addEventListener('meetcute:live', function (e) {
      var n = e.detail;
      if (n.type !== 'chat.message' && n.type !== 'chat.read') return;
      clearTimeout(pending);
      pending = setTimeout(function () {
        fetchPage(location.pathname + location.search)
          .then(function (doc) {
            var fresh = doc.querySelector('[data-chat-list]');
            if (fresh) list.innerHTML = fresh.innerHTML;
          })
          .catch(function () {
            /* the next message tries again; a reload always shows the truth */
          });
      }, 150);
    });
  }

  var chat = document.querySelector('[data-chat]');
  if (!chat) return;
  var conversationId = chat.getAttribute('data-chat');
  var memberId = chat.getAttribute('data-member');
  var me = chat.getAttribute('data-me');
  var readSeq = Number(chat.getAttribute('data-read-seq')) || 0;
  var locale = chat.getAttribute('data-locale') || undefined;
  var timeZone = chat.getAttribute('data-time-zone') || undefined;
  var messages = chat.querySelector('[data-messages]');
  var typing = chat.querySelector('[data-typing]');
  var composer = chat.querySelector('[data-composer]');
  var textarea = composer && composer.querySelector('textarea');
  var error = composer && composer.querySelector('[data-error]');
  var base = '/api/v1/chats/' + memberId;

  function time(iso) {
    try {
      return new Date(iso).toLocaleTimeString(locale, {
        timeZone: timeZone,
        hour: '2-digit',
        minute: '2-digit',
      });
    } catch (_) {
      return new Date(iso).toLocaleTimeString();
    }
  }

  function bubble(m) {
    var mine = m.senderId === me;
    var li = document.createElement('li');
    li.className = 'message ' + (mine ? 'mine' : 'theirs');
    li.id = 'm-' + m.messageId;
    li.setAttribute('data-message-id', m.messageId);
    li.setAttribute('data-seq', String(m.seq));
    var body = document.createElement('p');
    body.className = 'body';
    body.textContent = m.body;
    var meta = document.createElement('p');
    meta.className = 'meta';
    var when = document.createElement('time');
    when.setAttribute('datetime', m.sentAt);
    when.textContent = time(m.sentAt);
    meta.appendChild(when);
    if (!mine) {
      var report = document.createElement('a');
      report.className = 'report';
      report.href = '/messages/' + m.messageId + '/report';
      report.textContent = chat.getAttribute('data-report-label');
      meta.appendChild(document.createTextNode(' '));
      meta.appendChild(report);
    }
    li.appendChild(body);
    li.appendChild(meta);
    return li;
  }

  // The composer sticks to the bottom of the screen, so it always counts as in view and
  // scrolling it into view does nothing: the newest message is at the end of the page.
  function toNewest() {
    window.scrollTo(0, document.documentElement.scrollHeight);
  }

  // A message the address names (#m-…) is where the page opens; otherwise the newest.
  function toStart() {
    var named = /^#m-[0-9a-f-]+$/.test(location.hash) && document.getElementById(location.hash.slice(1));
    if (named) named.scrollIntoView({ block: 'center' });
    else toNewest();
  }

  function nearBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 200;
  }

  // Messages go in conversation order, once each, whether they came by the API answer or the channel.
  function add(m) {
    if (document.getElementById('m-' + m.messageId)) return;
    var follow = nearBottom() || m.senderId === me;
    var li = bubble(m);
    var after = null;
    var items = messages.children;
    for (var i = items.length - 1; i >= 0; i--) {
      if (Number(items[i].getAttribute('data-seq')) < m.seq) break;
      after = items[i];
    }
    messages.insertBefore(li, after);
    if (follow) toNewest();
  }

  function showReceipt() {
    chat.querySelectorAll('.receipt').forEach(function (r) {
      r.parentNode.removeChild(r);
    });
    var mine = messages.querySelectorAll('.message.mine');
    for (var i = mine.length - 1; i >= 0; i--) {
      if (Number(mine[i].getAttribute('data-seq')) <= readSeq) {
        var receipt = document.createElement('span');
        receipt.className = 'receipt';
        receipt.textContent = chat.getAttribute('data-read-label');
        mine[i].querySelector('.meta').appendChild(receipt);
        return;
      }
    }
  }

  var unseen = false;
  function markRead() {
    if (document.visibilityState !== 'visible') {
      unseen = true;
      return;
    }
    unseen = false;
    post(base + '/read').catch(function () {
      unseen = true;
    });
  }
  document.addEventListener('visibilitychange', function () {
    if (unseen && document.visibilityState === 'visible') markRead();
  });

  var hideTyping = null;
  document.addEventListener('meetcute:live', function (e) {
    var n = e.detail;
    var d = n.data || {};
    if (d.conversationId !== conversationId) return;
    if (n.type === 'chat.message') {
      add(d);
      if (d.senderId === memberId) {
        if (typing) typing.hidden = true;
        markRead();
      }
    } else if (n.type === 'chat.typing' && d.memberId === memberId && typing) {
      typing.hidden = false;
      clearTimeout(hideTyping);
      hideTyping = setTimeout(function () {
        typing.hidden = true;
      }, TYPING_HIDE_MS);
    } else if (n.type === 'chat.read' && d.readerId === memberId) {
      readSeq = Math.max(readSeq, d.seq);
      showReceipt();
    }
  });

  var typedAt = 0;
  textarea.addEventListener('input', function () {
    var now = Date.now();
    // No typing line on the page: the member's "is typing" flag is off, so nothing is sent either.
    if (!typing || now - typedAt < TYPING_EVERY_MS || textarea.value.trim() === '') return;
    typedAt = now;
    post(base + '/typing').catch(function () {
      /* typing is a courtesy; losing one changes nothing */
    });
  });
  textarea.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) composer.requestSubmit();
  });

  var sending = false;
  composer.addEventListener('submit', function (e) {
    e.preventDefault();
    if (sending) return;
    sending = true;
    var button = composer.querySelector('button[type="submit"]');
    button.disabled = true;
    post(base + '/messages', { body: textarea.value })
      .then(function (r) {
        return r.json().then(function (body) {
          if (r.status !== 201) {
            var field = body.errors && body.errors[0];
            error.textContent = (field && field.message) || body.detail || body.title;
            error.hidden = false;
            textarea.setAttribute('aria-invalid', 'true');
            return;
          }
          error.hidden = true;
          textarea.removeAttribute('aria-invalid');
          textarea.value = '';
          typedAt = 0;
          add(body);
        });
      })
      .catch(function () {
        // No answer: the plain form still works, and the server says what happened.
        composer.submit();
      })
      .then(function () {
        sending = false;
        button.disabled = false;
        textarea.focus();
      });
  });

  // Older history loads as the top comes into view, keeping what is on screen where it was.
  var older = chat.querySelector('[data-older]');
  if (older && window.IntersectionObserver && window.DOMParser) {
    var busy = false;
    var observer = new IntersectionObserver(function (entries) {
      if (
        busy ||
        !entries.some(function (x) {
          return x.isIntersecting;
        })
      )
        return;
      busy = true;
      fetchPage(older.href)
        .then(function (doc) {
          var more = doc.querySelector('[data-messages]');
          var height = document.body.scrollHeight;
          var first = messages.firstChild;
          Array.prototype.slice.call(more ? more.children : []).forEach(function (item) {
            if (!document.getElementById(item.id)) messages.insertBefore(document.adoptNode(item), first);
          });
          window.scrollBy(0, document.body.scrollHeight - height);
          var next = doc.querySelector('[data-older]');
          if (next) {
            older.setAttribute('href', next.getAttribute('href'));
            busy = false;
            return;
          }
          observer.disconnect();
          var start = doc.querySelector('.chat .start');
          var holder = older.parentNode;
          if (start) holder.parentNode.replaceChild(document.adoptNode(start), holder);
          else holder.parentNode.removeChild(holder);
        })
        .catch(function () {
          observer.disconnect(); // the link still works by hand
        });
    });
    // Start at the newest message (or at the one the address names: a report's thanks beside
    // it), then watch for the reader scrolling up.
    toStart();
    setTimeout(function () {
      observer.observe(older);
    }, 0);
  } else {
    toStart();
  }
})();
