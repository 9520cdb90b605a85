/*
 * Stand-in for Google Analytics' gtag.js (https://www.googletagmanager.com/gtag/js?id=G-…), for the
 * consent-gate demo and tests. It does, on a small scale, what the real tag does that matters for
 * cookie consent:
 *  - reads `window.dataLayer`, and every later `dataLayer.push`, and acts only on `arguments`
 *    objects, as gtag.js does (a plain array pushed by mistake is ignored, with a console warning);
 *  - honours Consent Mode (`gtag('consent', 'default' | 'update', {analytics_storage, …})`): while
 *    analytics_storage is denied it writes no cookie and sends cookieless pings;
 *  - writes the first-party cookies `_ga`, `_ga_<ID>`, `_gid` and the legacy ga.js `__utma`,
 *    `__utmz` on the page's registrable domain (cookie_domain "auto"), host-only on localhost/IPs;
 *  - sends a "collect" beacon to `/g/collect` on the origin it was loaded from;
 *  - shows a badge `[data-stand-in="google-analytics"]` so a person can see it is running.
 * Nothing here names a host: a test can serve this file for the real gtag.js URL.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var scriptSrc = (script && script.src) || 'http://127.0.0.1:8001/gtag/js';
  var collectUrl = new URL('/g/collect', scriptSrc).href;
  var loadedFor = new URL(scriptSrc).searchParams.get('id');

  var TWO_YEARS = 2 * 365 * 24 * 3600;
  var SIX_MONTHS = 183 * 24 * 3600;
  var ONE_DAY = 24 * 3600;
  var SESSION_GAP_MS = 30 * 60 * 1000;

  var dataLayer = (window.dataLayer = window.dataLayer || []);
  var defaults = {};
  var updates = {};
  var configured = {}; // measurement id -> config params
  var settings = {}; // gtag('set', …)
  var pageId = String(Math.floor(Math.random() * 2147483647));
  var hitCount = 0;
  var cookiesWritten = false;

  function consentState(key) {
    var value = key in updates ? updates[key] : defaults[key];
    return value === 'denied' ? 'denied' : 'granted'; // no consent command at all means granted
  }
  function analyticsGranted() {
    return consentState('analytics_storage') === 'granted';
  }
  // The `gcs` hit parameter: G1 + ad_storage + analytics_storage (1 granted, 0 denied).
  function gcs() {
    return 'G1' + (consentState('ad_storage') === 'granted' ? 1 : 0) + (analyticsGranted() ? 1 : 0);
  }

  // ---- cookies -------------------------------------------------------------------------------

  function readCookie(name) {
    var prefix = name + '=';
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].indexOf(prefix) === 0) return parts[i].slice(prefix.length);
    }
    return null;
  }

  function writeCookie(name, value, maxAgeSeconds, domain) {
    document.cookie =
      name + '=' + value + '; path=/' +
      (maxAgeSeconds ? '; max-age=' + maxAgeSeconds : '') +
      (domain ? '; domain=' + domain : '') + '; samesite=lax';
  }

  // cookie_domain "auto": the highest parent domain that accepts a cookie (so `www.oakfield.sch.uk`
  // gets `.oakfield.sch.uk`, never the public suffix `.sch.uk`); '' means host-only, which is what
  // GA does on localhost and IP addresses.
  function autoCookieDomain() {
    var host = location.hostname;
    if (host === 'localhost' || /^[\d.]+$/.test(host) || host.indexOf(':') !== -1 || host.indexOf('.') === -1) {
      return '';
    }
    var labels = host.split('.');
    for (var i = labels.length - 2; i >= 0; i--) {
      var candidate = labels.slice(i).join('.');
      var probe = '_ga_probe=' + Math.random().toString(36).slice(2);
      document.cookie = probe + '; path=/; max-age=10; domain=' + candidate + '; samesite=lax';
      if (document.cookie.split('; ').indexOf(probe) !== -1) {
        document.cookie = '_ga_probe=; path=/; max-age=0; domain=' + candidate + '; samesite=lax';
        return candidate;
      }
    }
    return '';
  }

  function cookieDomain(params) {
    var wanted = (params && params.cookie_domain) || settings.cookie_domain || 'auto';
    if (wanted === 'none') return '';
    return wanted === 'auto' ? autoCookieDomain() : wanted;
  }

  // ga.js's domain hash, used as the first field of the __utm* cookies.
  function domainHash(domain) {
    var a = 1;
    if (domain) {
      a = 0;
      for (var i = domain.length - 1; i >= 0; i--) {
        var c = domain.charCodeAt(i);
        a = ((a << 6) & 268435455) + c + (c << 14);
        var d = a & 266338304;
        a = d !== 0 ? a ^ (d >> 21) : a;
      }
    }
    return a;
  }

  function randomId() {
    return Math.floor(Math.random() * 2147483647);
  }

  var clientId = null; // "<random>.<first visit, seconds>", the part after GA1.1. in _ga
  var session = { id: String(Math.floor(Date.now() / 1000)), count: 1 };
  var anonymousClientId = randomId() + '.' + Math.floor(Date.now() / 1000);

  function writeAnalyticsCookies(measurementId, params) {
    var now = Math.floor(Date.now() / 1000);
    var domain = cookieDomain(params);

    var ga = readCookie('_ga');
    clientId = ga ? ga.split('.').slice(2).join('.') : randomId() + '.' + now;
    writeCookie('_ga', 'GA1.1.' + clientId, TWO_YEARS, domain);

    // _ga_<container>: GS1.1.<session start>.<session number>.<engaged>.<last hit>.0.0.0
    var sessionCookie = '_ga_' + measurementId.replace(/^G-/, '');
    var previous = (readCookie(sessionCookie) || '').split('.');
    var newSession = true;
    if (previous.length >= 6) {
      var count = Number(previous[3]) || 1;
      newSession = Date.now() - Number(previous[5]) * 1000 >= SESSION_GAP_MS;
      session = newSession ? { id: String(now), count: count + 1 } : { id: previous[2], count: count };
    }
    writeCookie(sessionCookie, ['GS1', '1', session.id, session.count, '1', now, '0', '0', '0'].join('.'), TWO_YEARS, domain);

    writeCookie('_gid', 'GA1.1.' + randomId() + '.' + now, ONE_DAY, domain);

    // Legacy ga.js (Universal Analytics' predecessor) cookies, still listed in many privacy notices.
    var hash = domainHash(domain || location.hostname);
    var visitorId = clientId.split('.')[0];
    var utma = (readCookie('__utma') || '').split('.');
    var firstVisit = utma.length === 6 ? utma[2] : String(now);
    var previousVisit = utma.length === 6 ? utma[4] : String(now);
    var visits = utma.length === 6 ? Number(utma[5]) + (newSession ? 1 : 0) : 1;
    writeCookie('__utma', [hash, visitorId, firstVisit, previousVisit, now, visits].join('.'), TWO_YEARS, domain);
    writeCookie('__utmz', hash + '.' + now + '.' + visits + '.1.utmcsr=(direct)|utmccn=(direct)|utmcmd=(none)', SIX_MONTHS, domain);

    cookiesWritten = true;
  }

  // ---- hits ----------------------------------------------------------------------------------

  function sendHit(measurementId, eventName, eventParams) {
    var granted = analyticsGranted();
    var query = new URLSearchParams({
      v: '2',
      tid: measurementId,
      gtm: '45je0000',
      _p: pageId,
      gcs: gcs(),
      cid: granted && clientId ? clientId : anonymousClientId,
      ul: (navigator.language || '').toLowerCase(),
      sr: screen.width + 'x' + screen.height,
      _s: String(++hitCount),
      dl: location.href,
      dt: document.title,
      en: eventName,
    });
    if (document.referrer) query.set('dr', document.referrer);
    if (granted) {
      query.set('sid', session.id);
      query.set('sct', String(session.count));
    }
    Object.keys(eventParams || {}).forEach(function (key) {
      var value = eventParams[key];
      if (typeof value === 'number') query.set('epn.' + key, String(value));
      else if (typeof value === 'string') query.set('ep.' + key, value);
    });
    var url = collectUrl + '?' + query.toString();
    var queued = false;
    try {
      queued = navigator.sendBeacon ? navigator.sendBeacon(url) : false;
    } catch (e) {
      queued = false;
    }
    if (!queued) fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', keepalive: true }).catch(function () {});
  }

  // ---- the command queue -----------------------------------------------------------------------

  function isArguments(value) {
    return Object.prototype.toString.call(value) === '[object Arguments]';
  }

  function handle(entry) {
    if (!isArguments(entry)) {
      if (Array.isArray(entry)) {
        console.warn('[gtag stand-in] ignored an array pushed to dataLayer: gtag.js only reads `arguments` objects.', entry);
      }
      return; // plain objects are Tag Manager events: not ours
    }
    var command = entry[0];
    var a = entry[1];
    var b = entry[2];
    if (command === 'consent' && (a === 'default' || a === 'update') && b && typeof b === 'object') {
      var target = a === 'default' ? defaults : updates;
      Object.keys(b).forEach(function (key) {
        if (b[key] === 'granted' || b[key] === 'denied') target[key] = b[key];
      });
      if (analyticsGranted() && !cookiesWritten) {
        Object.keys(configured).forEach(function (id) { writeAnalyticsCookies(id, configured[id]); });
      }
      updateBadge();
    } else if (command === 'config' && typeof a === 'string' && /^G-/.test(a)) {
      var params = b && typeof b === 'object' ? b : {};
      configured[a] = params;
      if (analyticsGranted()) writeAnalyticsCookies(a, params);
      if (params.send_page_view !== false) sendHit(a, 'page_view');
      updateBadge();
    } else if (command === 'event' && typeof a === 'string') {
      var sendTo = b && b.send_to ? [b.send_to] : Object.keys(configured);
      sendTo.forEach(function (id) { sendHit(id, a, b); });
    } else if (command === 'set' && a && typeof a === 'object') {
      Object.keys(a).forEach(function (key) { settings[key] = a[key]; });
    } else if (command === 'get' && b === 'client_id' && typeof entry[3] === 'function') {
      entry[3](analyticsGranted() ? clientId : undefined);
    }
    // 'js' (the start time) needs nothing here.
  }

  // ---- the visible badge -------------------------------------------------------------------------

  function updateBadge() {
    var text = 'Analytics stand-in running' +
      (Object.keys(configured).length ? ' (' + Object.keys(configured).join(', ') + ')' : loadedFor ? ' (' + loadedFor + ')' : '') +
      (analyticsGranted() ? '' : ' – storage denied, no cookies');
    var badge = document.querySelector('[data-stand-in="google-analytics"]');
    if (badge) {
      badge.textContent = text;
      return;
    }
    if (!document.body) {
      document.addEventListener('DOMContentLoaded', updateBadge, { once: true });
      return;
    }
    badge = document.createElement('div');
    badge.setAttribute('data-stand-in', 'google-analytics');
    badge.textContent = text;
    // Styles set through the CSSOM, which a strict Content-Security-Policy allows.
    Object.assign(badge.style, {
      position: 'fixed',
      right: '0.5rem',
      bottom: '0.5rem',
      zIndex: '2147483000',
      maxWidth: 'calc(100vw - 1rem)',
      boxSizing: 'border-box',
      padding: '0.25rem 0.5rem',
      border: '2px solid #ffffff',
      borderRadius: '0.25rem',
      background: '#5b2a86',
      color: '#ffffff',
      font: '600 0.8125rem/1.3 system-ui, sans-serif',
      pointerEvents: 'none',
    });
    document.body.appendChild(badge);
  }

  var pending = dataLayer.slice();
  dataLayer.push = function () {
    var result = Array.prototype.push.apply(this, arguments);
    for (var i = 0; i < arguments.length; i++) handle(arguments[i]);
    return result;
  };
  pending.forEach(handle);
  updateBadge();
})();
