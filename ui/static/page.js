/* The page script of the news assistant (loaded once in <head>; everything by event delegation).
 *
 * - A link "#open:<panel>:<article>:<start>:<end>" (a citation, "open in article", an article title)
 *   asks the server for that source: its key goes into the panel's hidden textbox and the panel's
 *   hidden button is pressed. The place it was clicked from is remembered for "Back".
 * - On a phone the source panel is a sheet over the page; on a desktop it sits beside the text.
 * - Hovering or focusing a citation number shows a card: the words, who, outlet, date.
 * - "Copy" / "Copy as Markdown" copy an answer's text (prepared by the server) to the clipboard.
 * - Example chips ask their question; a new question is scrolled to the top of the view.
 */
(function () {
  if (window.__na) return;
  var na = window.__na = { origin: null, scrolled: null };
  var PANELS = { chat: 'chat-side', speakers: 'speakers-side', articles: 'articles-side' };

  function setValue(box, value) {
    var setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value').set;
    setter.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function narrow() { return window.matchMedia('(max-width: 760px)').matches; }

  function side(panel) { return document.getElementById(PANELS[panel]); }

  /* put ``value`` into the hidden textbox ``<name>-key`` and press the hidden button ``<name>-btn`` */
  function press(name, value) {
    var box = document.querySelector('#' + name + '-key textarea, #' + name + '-key input');
    var btn = document.getElementById(name + '-btn');
    if (!box || !btn) return false;
    setValue(box, value);
    setTimeout(function () { btn.click(); }, 0);
    return true;
  }

  function openSource(a) {
    var key = a.getAttribute('href').slice(1);
    var panel = key.split(':')[1];
    if (!document.getElementById(panel + '-open-btn')) return;
    na.origin = { el: a, y: window.scrollY, panel: panel };
    hideCard();
    var s = side(panel);
    if (s) {
      s.classList.add('na-open');
      if (narrow()) document.documentElement.classList.add('na-sheet-shown');
    }
    press(panel + '-open', key);
  }

  function scrollerOf(el, stop) {
    for (var n = el.parentElement; n && n !== stop.parentElement; n = n.parentElement) {
      var oy = getComputedStyle(n).overflowY;
      if ((oy === 'auto' || oy === 'scroll') && n.scrollHeight > n.clientHeight + 1) return n;
    }
    return null;
  }

  /* After a source panel updates: bring the marked span into view inside the panel (the page stays put on
     a desktop unless the panel itself is off-screen), or show the article from its top. */
  na.showMark = function (panel) {
    var tries = 0;
    var go = function () {
      var s = side(panel);
      var article = s && s.querySelector('.na-article');
      if (!article) { if (tries++ < 60) setTimeout(go, 50); return; }
      if (!narrow()) {
        var r = s.getBoundingClientRect();
        if (r.top < 0 || r.top > window.innerHeight - 80) s.scrollIntoView({ block: 'start' });
      }
      var m = s.querySelector('mark#quote-mark');
      var scroller = scrollerOf(m || article.querySelector('.na-article-text') || article, s);
      if (!scroller) return;
      if (m) {
        var top = m.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
        scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
      } else {
        scroller.scrollTop = 0;
      }
    };
    setTimeout(go, 30);
  };

  function closePanel() {
    document.documentElement.classList.remove('na-sheet-shown');
    Object.keys(PANELS).forEach(function (p) { var s = side(p); if (s) s.classList.remove('na-open'); });
  }

  function goBack() {
    var o = na.origin;
    closePanel();
    if (!o || !document.contains(o.el)) {
      if (o) window.scrollTo({ top: o.y });
      return;
    }
    var r = o.el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) o.el.scrollIntoView({ block: 'center' });
    na.quiet = true;  // focus comes back to the citation: no preview card for that
    o.el.focus({ preventScroll: true });
    na.quiet = false;
    o.el.classList.add('na-flash');
    setTimeout(function () { o.el.classList.remove('na-flash'); }, 1200);
  }

  /* --- citation preview card ------------------------------------------------------------- */
  var card = null;
  var hideTimer = null;

  function hideCard() {
    if (card) card.hidden = true;
    var owner = document.querySelector('[aria-describedby="na-card"]');
    if (owner) owner.removeAttribute('aria-describedby');
  }

  function showCard(a) {
    var ref = document.getElementById(a.getAttribute('data-ref'));
    if (!ref || ref.contains(a)) return;
    if (!card) {
      card = document.createElement('div');
      card.id = 'na-card';
      card.className = 'na-card';
      card.setAttribute('role', 'tooltip');
      card.hidden = true;
      document.body.appendChild(card);
    }
    clearTimeout(hideTimer);
    card.textContent = '';
    var said = ref.querySelector('.na-said');
    if (said) {
      var words = said.cloneNode(true);
      card.appendChild(words);
    } else {
      card.appendChild(document.createTextNode(ref.textContent.trim()));
    }
    var head = ref.closest('.na-src-article');
    var title = head && head.querySelector('.na-title');
    var bits = [ref.getAttribute('data-speaker'), ref.getAttribute('data-outlet'), ref.getAttribute('data-date')]
      .filter(function (x) { return x; });
    if (bits.length) {
      var who = document.createElement('div');
      who.className = 'na-card-meta';
      who.textContent = bits.join(' \u00b7 ');
      card.appendChild(who);
    }
    if (title && title.getAttribute('title')) {
      var t = document.createElement('div');
      t.className = 'na-card-title';
      t.textContent = title.getAttribute('title');
      card.appendChild(t);
    }
    card.hidden = false;
    var r = a.getBoundingClientRect();
    var w = Math.min(360, window.innerWidth - 16);
    card.style.width = w + 'px';
    var left = Math.min(Math.max(8, r.left - 24), window.innerWidth - w - 8);
    var top = r.bottom + 6;
    if (top + card.offsetHeight > window.innerHeight - 8) top = Math.max(8, r.top - card.offsetHeight - 6);
    card.style.left = left + 'px';
    card.style.top = top + 'px';
    a.setAttribute('aria-describedby', 'na-card');
  }

  function citeOf(target) {
    return target && target.closest ? target.closest('a.na-cite[data-ref]') : null;
  }

  document.addEventListener('mouseover', function (ev) { var a = citeOf(ev.target); if (a) showCard(a); });
  document.addEventListener('focusin', function (ev) { var a = citeOf(ev.target); if (a && !na.quiet) showCard(a); });
  document.addEventListener('mouseout', function (ev) {
    if (citeOf(ev.target)) hideTimer = setTimeout(hideCard, 150);
  });
  document.addEventListener('focusout', function (ev) { if (citeOf(ev.target)) hideCard(); });
  window.addEventListener('scroll', hideCard, { passive: true });

  /* --- copy ------------------------------------------------------------------------------- */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.style.position = 'fixed';
      ta.style.opacity = '0';
      document.body.appendChild(ta);
      ta.select();
      var ok = document.execCommand('copy');
      ta.remove();
      if (ok) resolve(); else reject(new Error('copy failed'));
    });
  }

  function doCopy(btn) {
    var answer = btn.closest('.na-answer');
    var src = answer && answer.querySelector('.na-copy-src[data-format="' + btn.getAttribute('data-copy') + '"]');
    if (!src) return;
    var label = btn.getAttribute('data-label') || btn.textContent;
    btn.setAttribute('data-label', label);
    copyText(src.textContent).then(function () { btn.textContent = 'Copied \u2713'; },
      function () { btn.textContent = 'Copy failed'; });
    setTimeout(function () { btn.textContent = label; }, 1600);
  }

  /* --- asking ----------------------------------------------------------------------------- */
  function ask(question) {
    var box = document.querySelector('#chat-input textarea, #chat-input input');
    var send = document.getElementById('chat-send');
    if (!box || !send) return;
    setValue(box, question);
    setTimeout(function () { send.click(); }, 0);
  }

  function filterRows(input) {
    var q = input.value.trim().toLowerCase();
    var table = input.parentElement.querySelector('table');
    if (!table) return;
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      tr.hidden = q !== '' && tr.textContent.toLowerCase().indexOf(q) < 0;
    });
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!t || !t.closest) return;
    var a = t.closest('a[href^="#open:"]');
    if (a) { ev.preventDefault(); ev.stopPropagation(); openSource(a); return; }
    var chip = t.closest('.na-chip[data-ask]');
    if (chip) { ask(chip.getAttribute('data-ask')); return; }
    var person = t.closest('.na-chip[data-person]');
    if (person) { press('speakers-pick', person.getAttribute('data-person')); return; }
    var copy = t.closest('.na-act[data-copy]');
    if (copy) { doCopy(copy); return; }
    if (t.closest('.na-back')) { goBack(); return; }
    if (t.closest('.na-close')) { closePanel(); return; }
  }, true);

  document.addEventListener('input', function (ev) {
    if (ev.target && ev.target.classList && ev.target.classList.contains('na-filter')) filterRows(ev.target);
  });

  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') {
      hideCard();
      if (document.documentElement.classList.contains('na-sheet-shown')) goBack();
    }
  });

  /* A question just asked is scrolled to the top of the view, once, so its answer appears below it. */
  new MutationObserver(function () {
    var live = document.querySelector('#chat-live .na-live');
    if (!live) return;
    var id = live.getAttribute('data-live');
    if (na.scrolled === id) return;
    na.scrolled = id;
    live.scrollIntoView({ block: 'start' });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
