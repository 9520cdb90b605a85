/*
 * Stand-in for X's widgets.js (https://platform.twitter.com/widgets.js), for the consent-gate demo
 * and tests. Like the real script it:
 *  - defines `window.twttr` (`twttr.widgets.load`, `twttr.ready`) and runs callbacks queued in
 *    `twttr._e` by the usual loader snippet;
 *  - turns every `a.twitter-timeline` into an embedded timeline, fetched with credentials from
 *    `/twitter/timeline` on the origin it was loaded from (that response sets `guest_id` there, a
 *    third-party cookie from the page's point of view).
 * The rendered timeline carries `data-stand-in="twitter"`. No host is named here, so a test can
 * serve this file for the real widgets.js URL.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var scriptSrc = (script && script.src) || 'http://127.0.0.1:8001/twitter/widgets.js';

  // Small DOM helper; styles go through the CSSOM, which a strict Content-Security-Policy allows.
  function el(tag, style, text) {
    var node = document.createElement(tag);
    if (style) Object.assign(node.style, style);
    if (text) node.textContent = text;
    return node;
  }

  var dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

  function screenNameOf(href) {
    try {
      return new URL(href).pathname.split('/').filter(Boolean)[0] || '';
    } catch (e) {
      return '';
    }
  }

  function renderTimeline(anchor) {
    var href = anchor.href;
    var screenName = screenNameOf(href);
    var limit = Number(anchor.getAttribute('data-tweet-limit')) || 3;

    var timeline = el('div', {
      boxSizing: 'border-box',
      maxWidth: (Number(anchor.getAttribute('data-width')) || 550) + 'px',
      border: '1px solid #8b98a5',
      borderRadius: '0.75rem',
      background: '#ffffff',
      color: '#0f1419',
      font: '0.9375rem/1.4 system-ui, sans-serif',
      overflowWrap: 'anywhere',
    });
    timeline.setAttribute('data-stand-in', 'twitter');

    var header = el('p', { margin: '0', padding: '0.75rem', borderBottom: '1px solid #cfd9de' });
    header.appendChild(el('strong', null, anchor.textContent.trim() || 'Posts'));
    header.appendChild(el('span', { display: 'block', fontSize: '0.8125rem', color: '#536471' }, 'X (Twitter) stand-in running'));
    timeline.appendChild(header);

    var list = el('div');
    var status = el('p', { margin: '0', padding: '0.75rem' }, 'Loading posts…');
    list.appendChild(status);
    timeline.appendChild(list);

    var footer = el('p', { margin: '0', padding: '0.75rem', borderTop: '1px solid #cfd9de' });
    var viewLink = el('a', { color: '#0b5394', fontWeight: '700' }, 'View more on X');
    viewLink.href = href;
    footer.appendChild(viewLink);
    timeline.appendChild(footer);

    anchor.replaceWith(timeline);

    var dataUrl = new URL('/twitter/timeline', scriptSrc);
    dataUrl.searchParams.set('screen_name', screenName);
    fetch(dataUrl, { credentials: 'include' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) {
        status.remove();
        data.posts.slice(0, limit).forEach(function (post, index) {
          var article = el('article', { padding: '0.75rem', borderTop: index ? '1px solid #cfd9de' : '0' });
          var byline = el('p', { margin: '0', fontSize: '0.8125rem', color: '#536471' }, data.name + ' @' + (screenName || data.screenName) + ' · ');
          var time = el('time', null, dateFormat.format(new Date(post.date)));
          time.dateTime = post.date;
          byline.appendChild(time);
          article.appendChild(byline);
          article.appendChild(el('p', { margin: '0.25rem 0 0' }, post.text));
          list.appendChild(article);
        });
      })
      .catch(function (error) {
        status.textContent = 'Could not load the posts (' + error.message + ').';
      });
  }

  function load(root) {
    var scope = root && root.querySelectorAll ? root : document;
    scope.querySelectorAll('a.twitter-timeline').forEach(renderTimeline);
  }

  var twttr = (window.twttr = window.twttr || {});
  var queued = twttr._e || [];
  twttr.widgets = { load: load };
  twttr._e = [];
  twttr.ready = function (callback) {
    callback(twttr);
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { load(document); }, { once: true });
  } else {
    load(document);
  }
  queued.forEach(function (callback) { callback(twttr); });
})();
