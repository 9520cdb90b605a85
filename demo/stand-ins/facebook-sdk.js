/*
 * Stand-in for the Facebook JavaScript SDK (https://connect.facebook.net/en_GB/sdk.js), for the
 * consent-gate demo and tests. Like the real SDK with the Page plugin it:
 *  - defines `window.FB` (`FB.init`, `FB.XFBML.parse`) and calls `window.fbAsyncInit` if defined;
 *  - turns every `.fb-page[data-href]` into a page feed, fetched with credentials from
 *    `/facebook/plugins/page` on the origin it was loaded from (that response sets `fr` there,
 *    a third-party cookie from the page's point of view);
 *  - writes the first-party `_fbp` cookie on the page's registrable domain (host-only on
 *    localhost/IPs), as Meta's scripts do.
 * The rendered feed carries `data-stand-in="facebook"`. No host is named here, so a test can serve
 * this file for the real SDK URL.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var scriptSrc = (script && script.src) || 'http://127.0.0.1:8001/facebook/sdk.js';
  var NINETY_DAYS = 90 * 24 * 3600;

  // The highest parent domain that accepts a cookie; '' (host-only) on localhost and IPs.
  function autoCookieDomain() {
    var host = location.hostname;
    if (host === 'localhost' || /^[\d.]+$/.test(host) || host.indexOf(':') !== -1 || host.indexOf('.') === -1) {
      return '';
    }
    var labels = host.split('.');
    for (var i = labels.length - 2; i >= 0; i--) {
      var candidate = labels.slice(i).join('.');
      var probe = '_fbp_probe=' + Math.random().toString(36).slice(2);
      document.cookie = probe + '; path=/; max-age=10; domain=' + candidate + '; samesite=lax';
      if (document.cookie.split('; ').indexOf(probe) !== -1) {
        document.cookie = '_fbp_probe=; path=/; max-age=0; domain=' + candidate + '; samesite=lax';
        return candidate;
      }
    }
    return '';
  }

  function writeFbp() {
    var existing = document.cookie.split('; ').filter(function (c) { return c.indexOf('_fbp=') === 0; })[0];
    var domain = autoCookieDomain();
    // fb.<subdomain index>.<creation time, ms>.<random>
    var value = existing
      ? existing.slice(5)
      : 'fb.' + (domain ? domain.split('.').length - 1 : 0) + '.' + Date.now() + '.' + Math.floor(Math.random() * 2147483647);
    document.cookie = '_fbp=' + value + '; path=/; max-age=' + NINETY_DAYS + (domain ? '; domain=' + domain : '') + '; samesite=lax';
  }

  // Small DOM helper; styles go through the CSSOM, which a strict Content-Security-Policy allows.
  function el(tag, style, text) {
    var node = document.createElement(tag);
    if (style) Object.assign(node.style, style);
    if (text) node.textContent = text;
    return node;
  }

  var BLUE = '#0b4fb3';
  var dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

  function renderPage(container) {
    if (container.hasAttribute('data-stand-in-rendered')) return;
    container.setAttribute('data-stand-in-rendered', '');
    var href = container.getAttribute('data-href') || 'https://www.facebook.com/';
    var limit = Number(container.getAttribute('data-limit')) || 3;

    var feed = el('div', {
      boxSizing: 'border-box',
      maxWidth: Math.min(Number(container.getAttribute('data-width')) || 500, 500) + 'px',
      border: '1px solid #8a8d91',
      borderRadius: '0.5rem',
      background: '#ffffff',
      color: '#1c1e21',
      font: '0.9375rem/1.4 system-ui, sans-serif',
      overflowWrap: 'anywhere',
    });
    feed.setAttribute('data-stand-in', 'facebook');

    var header = el('p', { margin: '0', padding: '0.75rem', background: '#e7f0fd', borderRadius: '0.5rem 0.5rem 0 0' });
    var pageLink = el('a', { color: BLUE, fontWeight: '700' }, 'Facebook page');
    pageLink.href = href;
    header.appendChild(pageLink);
    header.appendChild(el('span', { display: 'block', fontSize: '0.8125rem', color: '#444950' }, 'Facebook stand-in running'));
    feed.appendChild(header);

    var status = el('p', { margin: '0', padding: '0.75rem' }, 'Loading posts…');
    feed.appendChild(status);
    container.replaceChildren(feed);

    var dataUrl = new URL('/facebook/plugins/page', scriptSrc);
    dataUrl.searchParams.set('href', href);
    fetch(dataUrl, { credentials: 'include' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (page) {
        pageLink.textContent = page.name;
        status.remove();
        page.posts.slice(0, limit).forEach(function (post) {
          var article = el('article', { padding: '0.75rem', borderTop: '1px solid #ced0d4' });
          var time = el('time', { display: 'block', fontSize: '0.8125rem', color: '#444950' }, dateFormat.format(new Date(post.date)));
          time.dateTime = post.date;
          article.appendChild(time);
          article.appendChild(el('p', { margin: '0.25rem 0 0' }, post.text));
          feed.appendChild(article);
        });
      })
      .catch(function (error) {
        status.textContent = 'Could not load the posts (' + error.message + ').';
      });
  }

  function parse(root) {
    var scope = root && root.querySelectorAll ? root : document;
    scope.querySelectorAll('.fb-page[data-href]').forEach(renderPage);
  }

  var FB = (window.FB = window.FB || {});
  FB.init = FB.init || function () {};
  FB.XFBML = FB.XFBML || {};
  FB.XFBML.parse = function (root, callback) {
    parse(root);
    if (typeof callback === 'function') callback();
  };

  writeFbp();
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { parse(document); }, { once: true });
  } else {
    parse(document);
  }
  if (typeof window.fbAsyncInit === 'function') window.fbAsyncInit();
})();
