/*
 * The demo's site search (essential: it is what the visitor asked for). It looks the words up in a
 * small index of the site's pages and lists the matches, each marked `data-search-result`, which
 * is what the site-search statistics (search-stats.js) count.
 */
(function () {
  'use strict';
  var PAGES = [
    { url: '/', title: 'Home', text: 'welcome news term dates contact office absence reading café' },
    { url: '/our-school', title: 'Our school', text: 'about us sports day video facebook x posts parents evening poll' },
    { url: '/our-school#sports-day', title: 'Sports day 2026', text: 'sports day relay house cup video' },
    { url: '/our-school#poll', title: "Parents' evening poll", text: "parents evening poll slido autumn" },
    { url: '/privacy-notice', title: 'Privacy notice', text: 'privacy personal information data cookies rights' },
    { url: '/cookies', title: 'Cookies', text: 'cookies settings analytics statistics embeds polls' },
  ];
  var query = (new URLSearchParams(location.search).get('q') || '').trim();
  var input = document.getElementById('search-words');
  var results = document.getElementById('search-results');
  if (!query || !results) return;
  input.value = query;
  var words = query.toLowerCase().split(/\s+/);
  var found = PAGES.filter(function (page) {
    var haystack = (page.title + ' ' + page.text).toLowerCase();
    return words.every(function (word) { return haystack.indexOf(word) !== -1; });
  });
  var heading = document.createElement('h2');
  heading.textContent = found.length
    ? found.length + (found.length === 1 ? ' result' : ' results') + ' for “' + query + '”'
    : 'No results for “' + query + '”';
  results.append(heading);
  if (!found.length) return;
  var list = document.createElement('ul');
  found.forEach(function (page) {
    var item = document.createElement('li');
    item.setAttribute('data-search-result', '');
    var link = document.createElement('a');
    link.href = page.url;
    link.textContent = page.title;
    item.append(link);
    list.append(item);
  });
  results.append(list);
})();
