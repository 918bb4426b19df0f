// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // City type-ahead: suggests real places as the member types, into the field's datalist,
  // labelled in the page's language (the server resolves a label in any of them).
  var language = document.documentElement.lang;
  document.querySelectorAll('input[data-cities]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) return;
    var timer = null;
    var last = '';
    input.addEventListener('input', function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) return;
      clearTimeout(timer);
      timer = setTimeout(function () {
        last = q;
        fetch('/api/v1/cities?limit=8&q=' + encodeURIComponent(q), {
          headers: { accept: 'application/json' },
        })
          .then(function (r) {
            return r.ok ? r.json() : { cities: [] };
          })
          .then(function (body) {
            list.textContent = '';
            body.cities.forEach(function (city) {
              var option = document.createElement('option');
              option.value = (city.labels && city.labels[language]) || city.label;
              list.appendChild(option);
            });
          })
          .catch(function () {
            /* the server still resolves typed names without suggestions */
          });
      }, 150);
    });
  });
})();

// The live channel: one per open page. WebSocket first, then Server-Sent Events,
// then long polling; each resumes after the last notification id it saw, so a
// reconnect loses nothing. Counters in the top bar move as `counter` notifications
// arrive; other scripts listen for the `meetcute:live` event on the document.
(function () {
  'use strict';
  var start = document.body && document.body.getAttribute('data-live-after');
  if (start === null || start === undefined) return;
  var last = Number(start) || 0;
  var failures = 0;

  function handle(n) {
    if (n && n.transient) {
      // "Is typing" and the like: never stored, so they neither advance nor repeat the resume point.
      document.dispatchEvent(new CustomEvent('meetcute:live', { detail: n }));
      return;
    }
    if (!n || typeof n.id !== 'number' || n.id <= last) return;
    last = n.id;
    if (n.type === 'counter' && n.data) {
      document.querySelectorAll('[data-counter="' + n.data.name + '"] .badge').forEach(function (badge) {
        // As the server writes it (badgeText in layout.ts): past 99, "99+".
        badge.textContent = n.data.count > 99 ? '99+' : String(n.data.count);
        if (n.data.count > 0) badge.removeAttribute('hidden');
        else badge.setAttribute('hidden', '');
      });
    }
    document.dispatchEvent(new CustomEvent('meetcute:live', { detail: n }));
  }

  function retry(next) {
    failures++;
    setTimeout(next, Math.min(30000, 500 * Math.pow(2, Math.min(failures, 6))));
  }

  function poll() {
    fetch('/api/v1/live/poll?after=' + last, { headers: { accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('poll ' + r.status);
        return r.json();
      })
      .then(function (body) {
        failures = 0;
        body.notifications.forEach(handle);
        poll();
      })
      .catch(function () {
        retry(poll);
      });
  }

  function events() {
    if (!window.EventSource) return poll();
    var source = new EventSource('/live/events?after=' + last);
    var opened = false;
    source.onopen = function () {
      opened = true;
      failures = 0;
    };
    source.onmessage = function (e) {
      handle(JSON.parse(e.data));
    };
    source.onerror = function () {
      source.close();
      if (!opened) return poll();
      retry(events);
    };
  }

  function socket() {
    if (!window.WebSocket) return events();
    var ws = new WebSocket(
      (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/live/ws?after=' + last,
    );
    var opened = false;
    ws.onopen = function () {
      opened = true;
      failures = 0;
    };
    ws.onmessage = function (e) {
      handle(JSON.parse(e.data));
    };
    ws.onclose = function (e) {
      // 4401: the session ended (logged out here or on another device); nothing to listen for.
      if (e.code === 4401) return;
      // A network that never lets a WebSocket through gets Server-Sent Events instead.
      if (!opened) return events();
      retry(socket);
    };
  }

  window.meetcuteLive = { handle: handle };
  socket();
})();

// Online badges: each badge on the page (`data-presence`) follows whether its member is
// online, asked for every 30 s while the page is in view and at once when it comes back
// into view. Without JavaScript a badge says what it said when the page was made.
(function () {
  'use strict';
  if (!window.fetch) return;
  function update() {
    var badges = document.querySelectorAll('[data-presence]');
    if (document.hidden || badges.length === 0) return;
    var members = [];
    badges.forEach(function (badge) {
      var id = badge.getAttribute('data-presence');
      if (members.indexOf(id) === -1 && members.length < 100) members.push(id);
    });
    fetch('/api/v1/online/status?members=' + members.join(','), { headers: { accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('presence ' + r.status);
        return r.json();
      })
      .then(function (answer) {
        badges.forEach(function (badge) {
          var id = badge.getAttribute('data-presence');
          if (members.indexOf(id) === -1) return;
          if (answer.online.indexOf(id) !== -1) badge.removeAttribute('hidden');
          else badge.setAttribute('hidden', '');
        });
      })
      .catch(function () {
        /* the next round asks again */
      });
  }
  setInterval(update, 30000);
  document.addEventListener('visibilitychange', update);
})();

// Infinite scroll: a list marked `data-infinite` with an "Older" link (a[rel=next]) after
// it fetches the next page when the link scrolls into view and appends that page's items.
// Without JavaScript the link simply opens the next page. A list that arrives later (an
// action's feedback swapping the part of the page that holds it) is wired when it arrives.
(function () {
  'use strict';
  if (!window.IntersectionObserver || !window.DOMParser) return;
  function wire(list) {
    if (list.hasAttribute('data-infinite-wired')) return;
    list.setAttribute('data-infinite-wired', '');
    var link = list.parentNode && list.parentNode.querySelector('a[rel="next"]');
    if (!link) return;
    var busy = false;
    var observer = new IntersectionObserver(function (entries) {
      if (
        busy ||
        !entries.some(function (e) {
          return e.isIntersecting;
        })
      )
        return;
      busy = true;
      fetch(link.href, { headers: { accept: 'text/html' } })
        .then(function (r) {
          if (!r.ok) throw new Error('page ' + r.status);
          return r.text();
        })
        .then(function (text) {
          var doc = new DOMParser().parseFromString(text, 'text/html');
          var more = doc.querySelector('[data-infinite]');
          var next = doc.querySelector('a[rel="next"]');
          Array.prototype.slice.call(more ? more.children : []).forEach(function (item) {
            list.appendChild(document.adoptNode(item));
          });
          observer.unobserve(link);
          if (!next) return link.parentNode.removeChild(link);
          link.setAttribute('href', next.getAttribute('href'));
          busy = false;
          observer.observe(link); // fires again at once if the link is still in view
        })
        .catch(function () {
          observer.disconnect(); // the link still works by hand
        });
    });
    observer.observe(link);
  }
  document.querySelectorAll('[data-infinite]').forEach(wire);
  document.addEventListener('meetcute:swapped', function (e) {
    var swapped = e.target;
    if (swapped.matches && swapped.matches('[data-infinite]')) wire(swapped);
    if (swapped.querySelectorAll) swapped.querySelectorAll('[data-infinite]').forEach(wire);
  });
})();

// Live lists: a part of the page marked `data-live="TYPE"` (the alerts page marks its list
// with "alert", the news page with "news") takes in what is new when a TYPE notification
// arrives, or when the top bar's TYPE counter rises above zero: the page is fetched again
// (saying so in a header, so the server counts no page view: no ad is shown or counted)
// and its items not shown yet (`data-item`) are put at the top, with the parts marked
// `data-live-swap` taken as they now are, or, when the page had none, the whole part is
// replaced. An item may hold others shown before (`data-holds`: a news card holds a
// member's run of items), which it then replaces. Pages further down a list (a cursor)
// stay as they are.
(function () {
  'use strict';
  if (!window.DOMParser || location.search.indexOf('cursor=') !== -1) return;
  document.querySelectorAll('[data-live]').forEach(function (part) {
    var type = part.getAttribute('data-live');
    var busy = false;
    var again = false;
    function refresh() {
      if (busy) return (again = true);
      busy = true;
      fetch(location.pathname, { headers: { accept: 'text/html', 'x-meetcute-refresh': 'items' } })
        .then(function (r) {
          if (!r.ok) throw new Error('page ' + r.status);
          return r.text();
        })
        .then(function (text) {
          var fresh = new DOMParser()
            .parseFromString(text, 'text/html')
            .querySelector('[data-live="' + type + '"]');
          if (!fresh) return;
          var list = part.querySelector('[data-infinite]');
          var items = fresh.querySelectorAll('[data-item]');
          if (!list) {
            part.replaceChildren.apply(
              part,
              Array.prototype.slice.call(fresh.childNodes).map(document.adoptNode, document),
            );
            return;
          }
          // Parts beside the list (the "mark all read" button) are taken as they are now.
          var swaps = fresh.querySelectorAll('[data-live-swap]');
          part.querySelectorAll('[data-live-swap]').forEach(function (old, i) {
            if (swaps[i]) old.replaceWith(document.adoptNode(swaps[i]));
          });
          var newest = list.firstElementChild;
          Array.prototype.forEach.call(items, function (item) {
            if (list.querySelector('[data-item="' + item.getAttribute('data-item') + '"]')) return;
            (item.getAttribute('data-holds') || '').split(' ').forEach(function (id) {
              var older = id && list.querySelector('[data-item="' + id + '"]');
              if (!older) return;
              if (older === newest) newest = older.nextElementSibling;
              older.remove();
            });
            list.insertBefore(document.adoptNode(item), newest);
          });
        })
        .catch(function () {
          /* the next notification or a reload shows it */
        })
        .then(function () {
          // What arrived meanwhile is fetched once, a little later: a busy feed costs the
          // server one page every two seconds per open page, not one per item.
          if (!again) return (busy = false);
          again = false;
          setTimeout(function () {
            busy = false;
            refresh();
          }, 2000);
        });
    }
    document.addEventListener('meetcute:live', function (e) {
      var n = e.detail;
      if (!n) return;
      if (n.type === type || (n.type === 'counter' && n.data && n.data.name === type && n.data.count > 0))
        refresh();
    });
  });
  // Photo gallery: the arrow keys and a sideways swipe follow the page's previous and next links.
  var gallery = document.querySelector('[data-gallery]');
  if (gallery) {
    var go = function (rel) {
      var link = document.querySelector('a[rel="' + rel + '"]');
      if (link) window.location.assign(link.href);
    };
    document.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      var tag = e.target && e.target.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      if (e.key === 'ArrowLeft') go('prev');
      if (e.key === 'ArrowRight') go('next');
    });
    var startX = null;
    var startY = 0;
    gallery.addEventListener(
      'touchstart',
      function (e) {
        startX = e.touches[0].clientX;
        startY = e.touches[0].clientY;
      },
      { passive: true },
    );
    gallery.addEventListener('touchend', function (e) {
      if (startX === null) return;
      var dx = e.changedTouches[0].clientX - startX;
      var dy = e.changedTouches[0].clientY - startY;
      startX = null;
      // A clear sideways move, not a scroll: left shows the next photo, right the previous.
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? 'next' : 'prev');
    });
  }
  // A profile's strip of photos: the numbered links scroll the strip alone (not the page)
  // and the one in view is marked; swiping and the arrow keys are the browser's own.
  document.querySelectorAll('[data-strip]').forEach(function (strip) {
    var dots = strip.parentNode.querySelectorAll('.strip-dots a');
    if (dots.length === 0) return;
    var items = strip.children;
    var mark = function () {
      var step = items.length > 1 ? items[1].offsetLeft - items[0].offsetLeft : strip.clientWidth;
      var n = Math.round(strip.scrollLeft / Math.max(1, step));
      dots.forEach(function (dot, i) {
        if (i === n) dot.setAttribute('aria-current', 'true');
        else dot.removeAttribute('aria-current');
      });
    };
    dots.forEach(function (dot, i) {
      dot.addEventListener('click', function (e) {
        e.preventDefault();
        strip.scrollTo({ left: items[i].offsetLeft - items[0].offsetLeft, behavior: 'smooth' });
      });
    });
    strip.addEventListener('scroll', mark, { passive: true });
    mark();
  });
})();

// The operators' live log tail (/ops/logs): new lines that pass the page's filters arrive
// over Server-Sent Events and go on top; the browser reconnects by itself and says the
// last line it had (Last-Event-ID), so nothing is shown twice or missed. Without
// JavaScript the page shows the latest lines and its filter form.
(function () {
  var list = document.querySelector('[data-log-tail]');
  if (!list || !window.EventSource) return;
  var keep = Number(list.getAttribute('data-log-keep')) || 200;
  var url = list.getAttribute('data-log-tail');
  var after = list.getAttribute('data-log-after') || '0';
  var live = document.querySelector('[data-log-live]');
  if (live) live.hidden = false;
  var narrow = function (name, value) {
    var params = new URLSearchParams(window.location.search);
    params.set(name, value);
    return '/ops/logs?' + params.toString();
  };
  var part = function (tag, className, text, href) {
    var el = document.createElement(href ? 'a' : tag);
    el.className = className;
    el.textContent = text;
    if (href) el.href = href;
    return el;
  };
  var draw = function (line) {
    var item = document.createElement('li');
    item.className = 'log-line level-' + line.level;
    item.setAttribute('data-seq', String(line.seq));
    item.appendChild(part('time', '', line.time));
    item.appendChild(part('span', 'log-level', line.level));
    item.appendChild(part('span', 'log-msg', line.msg));
    if (line.module) item.appendChild(part('a', 'log-module', line.module, narrow('module', line.module)));
    if (line.route) item.appendChild(part('span', 'log-route', line.route));
    if (line.memberId)
      item.appendChild(part('a', 'log-member', line.memberId, narrow('member', line.memberId)));
    if (line.traceId)
      item.appendChild(part('a', 'log-trace', line.traceId.slice(0, 8), '/ops/traces/' + line.traceId));
    var details = document.createElement('details');
    details.appendChild(part('summary', '', 'JSON'));
    details.appendChild(part('code', '', line.raw));
    item.appendChild(details);
    return item;
  };
  var source = new EventSource(url + (url.indexOf('?') >= 0 ? '&' : '?') + 'after=' + after);
  source.onmessage = function (message) {
    var line = JSON.parse(message.data);
    if (list.querySelector('[data-seq="' + line.seq + '"]')) return;
    var empty = document.querySelector('[data-log-empty]');
    if (empty) empty.remove();
    list.insertBefore(draw(line), list.firstChild);
    while (list.children.length > keep) list.removeChild(list.lastChild);
  };
})();

// A message while the member is on another page: a small notice with who wrote, the start
// of it and the way to the conversation, until dismissed or replaced by the next one. The
// conversation list and the conversation itself show the message already. The words come
// from the page (data-notice-*), in its language.
(function () {
  'use strict';
  var body = document.body;
  var words = body && body.getAttribute('data-notice-message');
  if (!words) return;
  var notice = null;
  function dismiss() {
    if (notice) notice.remove();
    notice = null;
  }
  document.addEventListener('meetcute:live', function (e) {
    var n = e.detail;
    var d = (n && n.data) || {};
    // Only the recipient's copy names the sender: her own messages reach her pages too, and are not news.
    if (n.type !== 'chat.message' || !d.senderNickname || !d.senderId) return;
    var conversation = '/chats/' + encodeURIComponent(d.senderId);
    if (location.pathname === '/chats' || location.pathname === conversation) return;
    dismiss();
    notice = document.createElement('aside');
    notice.className = 'message-notice';
    notice.setAttribute('role', 'status');
    var title = document.createElement('strong');
    title.textContent = words.replace('{name}', d.senderNickname);
    var text = document.createElement('p');
    var said = String(d.body || '');
    text.textContent = said.length > 120 ? said.slice(0, 119) + '…' : said;
    var open = document.createElement('a');
    open.className = 'button';
    open.href = conversation;
    open.textContent = body.getAttribute('data-notice-open');
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'secondary';
    close.textContent = body.getAttribute('data-notice-dismiss');
    close.addEventListener('click', dismiss);
    var actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(open, close);
    notice.append(title, text, actions);
    body.appendChild(notice);
  });
})();

// Feedback in place (web/src/feedback.ts): a form marked `data-feedback` names in its `back`
// the element it acts on (#id). Posted with fetch, the redirect is followed and that element
// is taken from the page that comes back (by its id, or in place of the form's own element
// when the action replaced it), focus on its notice: the page does not jump to its top.
// On any failure the form is submitted as the browser would have, which lands at #id too.
(function () {
  'use strict';
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams) return;
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (e.defaultPrevented || !form.hasAttribute || !form.hasAttribute('data-feedback')) return;
    if (form.hasAttribute('data-feedback-off')) return;
    var back = form.querySelector('input[name="back"]');
    var hash = back ? back.value.split('#')[1] : '';
    if (!hash) return;
    // The element acted on holds the form; where the action replaces it (a hidden ad), the
    // form's own element is what goes, and an older element of that id goes with it.
    var target = document.getElementById(hash);
    var region =
      target && target.contains(form) ? target : form.parentElement && form.parentElement.closest('[id]');
    if (!region) return;
    e.preventDefault();
    var submitter = e.submitter || null;
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) body.append(submitter.name, submitter.value);
    function fallback() {
      form.setAttribute('data-feedback-off', '');
      if (form.requestSubmit)
        form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
      else form.submit();
    }
    fetch(form.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    })
      .then(function (r) {
        if (!r.ok || !r.redirected) throw new Error('feedback ' + r.status);
        return r.text().then(function (text) {
          var fresh = new DOMParser().parseFromString(text, 'text/html').getElementById(hash);
          if (!fresh) throw new Error('feedback: no #' + hash);
          if (target && target !== region) target.remove();
          region.replaceWith(document.adoptNode(fresh));
          // What wires itself at load (infinite scroll) wires the new part too.
          fresh.dispatchEvent(new CustomEvent('meetcute:swapped', { bubbles: true }));
          history.replaceState(history.state, '', r.url.split('#')[0] + '#' + hash);
          var notice = fresh.querySelector('[data-feedback-notice]');
          if (notice) notice.focus();
        });
      })
      .catch(fallback);
  });
})();
