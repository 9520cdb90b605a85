/*
 * Oakfield's site-search statistics: first-party, aggregate counts of what people search for and
 * which searches find nothing, so the school can fix its pages. It runs under the DUAA statistical
 * exception (the catalogue's "statistics" category): before any choice, until the visitor turns
 * it off — then consent-gate deletes its cookie and it does not run again.
 *
 * Gated like any other tag; it runs once per page, so objecting needs no reload:
 *   <script type="text/plain" data-consent="statistics" data-consent-reload="false" src="/search-stats.js"></script>
 *
 * It keeps one session cookie, search_stats_id, so a search refined on the next page counts as
 * one search session, and sends to this site only that id, the words and how many results came up.
 */
(function () {
  'use strict';
  var NAME = 'search_stats_id';
  var found = document.cookie.match(/(?:^|; )search_stats_id=([\w-]+)/);
  var session = found ? found[1] : Math.random().toString(36).slice(2, 12);
  if (!found) document.cookie = NAME + '=' + session + '; path=/; samesite=lax';

  var query = new URLSearchParams(location.search).get('q');
  if (!query || !query.trim()) return;

  function send() {
    var body = JSON.stringify({
      session: session,
      query: query.trim().toLowerCase().slice(0, 100),
      results: document.querySelectorAll('[data-search-result]').length,
    });
    if (!(navigator.sendBeacon && navigator.sendBeacon('/search-stats', body))) {
      fetch('/search-stats', { method: 'POST', body: body, keepalive: true }).catch(function () {});
    }
  }
  // The results are on the page once it is parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', send, { once: true });
  else send();
})();
