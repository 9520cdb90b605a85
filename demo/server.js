// The consent-gate demo: "Oakfield Primary School", a fictional school site wired exactly as the
// README tells a school to, plus local stand-ins for its third parties, all offline.
//
//   npm start                      # builds dist/, then runs this file
//   node demo/server.js            # site on http://localhost:8000, stand-ins on http://127.0.0.1:8001
//   PORT=9000 THIRD_PARTY_PORT=9001 node demo/server.js
//   CSP=1 npm start                # every page under a strict Content-Security-Policy (nonces)
//
// Two origins on purpose: `localhost` and `127.0.0.1` are different *sites* to a browser, so the
// stand-ins' cookies on 127.0.0.1 are genuinely third-party cookies, as YouTube's are on a school site.
// Every request to the third-party origin is logged, so you can watch when third parties are contacted.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { standInResponse, STAND_INS } from './stand-ins/routes.js';

const demoDir = path.dirname(fileURLToPath(import.meta.url));
const siteDir = path.join(demoDir, 'site');
const repoDir = path.dirname(demoDir);
const distDir = path.join(repoDir, 'dist');

/** The third-party origin the site's HTML is written with; rewritten when the server runs elsewhere. */
const WRITTEN_THIRD_PARTY_ORIGIN = 'http://127.0.0.1:8001';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts the demo site and the third-party stand-ins.
 * @param {object} [options]
 * @param {number} [options.port=8000] site port (0 picks a free one)
 * @param {number} [options.thirdPartyPort=8001] stand-ins port (0 picks a free one)
 * @param {string} [options.host='127.0.0.1'] address both servers listen on
 * @param {(line: string) => void} [options.log=console.log] where request log lines go
 * @param {boolean} [options.csp=false] serve every page with a strict Content-Security-Policy
 *   (`script-src 'self' 'nonce-…'; style-src 'self'`), a fresh nonce per request on each `<script>`
 * @returns {Promise<{ siteUrl: string, thirdPartyUrl: string,
 *   thirdPartyRequests: { method: string, url: string }[], close: () => Promise<void> }>}
 *   `siteUrl` is `http://localhost:<port>`, `thirdPartyUrl` is `http://127.0.0.1:<port>` (no
 *   trailing slash); `thirdPartyRequests` records every request the stand-ins received, in order.
 */
export async function startDemoServer({ port = 8000, thirdPartyPort = 8001, host = '127.0.0.1', log = console.log, csp = false } = {}) {
  const thirdPartyRequests = [];
  let thirdPartyUrl = WRITTEN_THIRD_PARTY_ORIGIN;

  const thirdParty = http.createServer((req, res) => {
    const url = new URL(req.url, thirdPartyUrl);
    thirdPartyRequests.push({ method: req.method, url: url.href });
    log(`[third-party] ${req.method} ${req.url}`);
    serveThirdParty(req, res, url);
  });
  const site = http.createServer((req, res) => {
    if (req.method === 'POST' && RECEIVERS.has(new URL(req.url, 'http://localhost').pathname)) return receive(req, res, log);
    if (csp) res.cspNonce = randomBytes(16).toString('base64');
    serveSite(req, res, thirdPartyUrl).catch((error) => {
      log(`[site] ${req.method} ${req.url} failed: ${error.stack || error}`);
      if (!res.headersSent) send(res, req, 500, 'text/plain; charset=utf-8', 'Internal server error\n');
      else res.destroy();
    });
  });

  await listen(thirdParty, thirdPartyPort, host);
  thirdPartyUrl = `http://127.0.0.1:${thirdParty.address().port}`;
  try {
    await listen(site, port, host);
  } catch (error) {
    await closeServer(thirdParty);
    throw error;
  }
  const siteUrl = `http://localhost:${site.address().port}`;

  return {
    siteUrl,
    thirdPartyUrl,
    thirdPartyRequests,
    close: () => Promise.all([closeServer(site), closeServer(thirdParty)]).then(() => {}),
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections(); // don't wait for browsers' keep-alive sockets
  });
}

function send(res, req, status, type, body, extraHeaders = {}) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// ---- the third-party origin -----------------------------------------------------------------------

function serveThirdParty(req, res, url) {
  if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    return send(res, req, 200, CONTENT_TYPES['.html'], thirdPartyIndex(url.origin));
  }
  const response = standInResponse(url, { method: req.method, origin: req.headers.origin });
  if (!response) {
    return send(res, req, 404, 'text/plain; charset=utf-8', `No stand-in answers ${url.pathname}\n`);
  }
  res.writeHead(response.status, { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...response.headers });
  res.end(req.method === 'HEAD' || response.status === 204 ? undefined : response.body);
}

function thirdPartyIndex(origin) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const items = STAND_INS.map(
    (s) => `<li><a href="${escape(origin + s.path)}">${escape(s.path)}</a> — stands in for ${escape(s.realUrl)}.<br>${escape(s.does)}</li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Third-party stand-ins</title></head>
<body><main><h1>Third-party stand-ins for the consent-gate demo</h1>
<p>This origin (${escape(origin)}) plays the part of Google Analytics, YouTube, Facebook, X and Slido,
so the demo works offline. It is a different site from localhost, so cookies it sets are third-party cookies.</p>
<ul>
${items}
</ul></main></body></html>
`;
}

// ---- the school site --------------------------------------------------------------------------------

// The site's own receivers: its site-search statistics (site/search-stats.js) and consent receipts
// (the catalogue's `receipts.url`). The demo only logs them; a real site stores them (see the
// README's "Consent receipts" for a minimal receiver and how long to keep receipts).
const RECEIVERS = new Set(['/search-stats', '/consent-receipts']);
const MAX_BODY = 4096;

function receive(req, res, log) {
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  });
  req.on('end', () => {
    const body = size > MAX_BODY ? `(${size} bytes: too large, ignored)` : Buffer.concat(chunks).toString('utf8');
    log(`[site] POST ${req.url} ${body}`);
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
  });
}

async function serveSite(req, res, thirdPartyUrl) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, req, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { allow: 'GET, HEAD' });
  }
  const url = new URL(req.url, 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(res, req, 400, 'text/plain; charset=utf-8', 'Bad request\n');
  }
  if (pathname.includes('\0')) return send(res, req, 400, 'text/plain; charset=utf-8', 'Bad request\n');

  // The library, as built by `npm run build`.
  if (pathname.startsWith('/assets/')) {
    const file = inside(distDir, pathname.slice('/assets/'.length));
    if (file && (await isFile(file))) return sendFile(res, req, file, thirdPartyUrl);
    return send(
      res, req, 404, 'text/plain; charset=utf-8',
      `${pathname} is served from dist/${pathname.slice('/assets/'.length)}, which does not exist.\n` +
        'Run `npm run build` first (`npm start` builds and then starts the demo).\n',
    );
  }
  if (pathname === '/catalogue.schema.json') {
    const schema = path.join(repoDir, 'catalogue.schema.json');
    if (await isFile(schema)) return sendFile(res, req, schema, thirdPartyUrl);
  }

  // Pretty URLs: /cookies -> cookies.html; /cookies/ -> redirect to /cookies.
  if (pathname.length > 1 && pathname.endsWith('/')) {
    return send(res, req, 301, 'text/plain; charset=utf-8', 'Moved\n', {
      location: pathname.replace(/\/+$/, '') + url.search,
    });
  }
  const candidates = pathname === '/' ? ['index.html'] : path.extname(pathname) ? [pathname] : [`${pathname}.html`];
  for (const candidate of candidates) {
    const file = inside(siteDir, candidate);
    if (file && (await isFile(file))) return sendFile(res, req, file, thirdPartyUrl);
  }
  const notFound = path.join(siteDir, '404.html');
  return sendFile(res, req, notFound, thirdPartyUrl, 404);
}

/** `relative` resolved inside `root`, or null if it would escape it. */
function inside(root, relative) {
  const file = path.resolve(root, '.' + path.posix.normalize('/' + relative));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(res, req, file, thirdPartyUrl, status = 200) {
  const ext = path.extname(file).toLowerCase();
  let body = await readFile(file);
  // The pages name the stand-ins at http://127.0.0.1:8001; follow the server when it runs elsewhere.
  if ((ext === '.html' || ext === '.json') && thirdPartyUrl !== WRITTEN_THIRD_PARTY_ORIGIN) {
    body = body.toString('utf8').split(WRITTEN_THIRD_PARTY_ORIGIN).join(thirdPartyUrl);
  }
  const headers = {};
  if (ext === '.html' && res.cspNonce) {
    // What a CMS with a strict CSP does: its templates put the request's nonce on every script,
    // including the gated `type="text/plain"` ones, whose live copies keep it.
    body = body.toString('utf8').replace(/<script\b/g, `<script nonce="${res.cspNonce}"`);
    headers['content-security-policy'] = `script-src 'self' 'nonce-${res.cspNonce}'; style-src 'self'`;
  }
  send(res, req, status, CONTENT_TYPES[ext] || 'application/octet-stream', body, headers);
}

// ---- run directly ------------------------------------------------------------------------------------

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const port = Number(process.env.PORT ?? 8000);
  const thirdPartyPort = Number(process.env.THIRD_PARTY_PORT ?? 8001);
  const csp = Boolean(process.env.CSP && process.env.CSP !== '0');
  const server = await startDemoServer({ port, thirdPartyPort, host: process.env.HOST || undefined, csp }).catch((error) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.error(`Port ${error.port} is already in use. Choose others, e.g. PORT=8080 THIRD_PARTY_PORT=8081 npm start`);
    process.exit(1);
  });
  console.log(`Oakfield Primary School demo:  ${server.siteUrl}/`);
  console.log(`Third-party stand-ins:         ${server.thirdPartyUrl}/  (each request is logged below)`);
  if (csp) console.log("Strict CSP on every page:      script-src 'self' 'nonce-…'; style-src 'self'");
  if (!existsSync(path.join(distDir, 'consent-gate.min.js'))) {
    console.warn('Warning: dist/consent-gate.min.js is missing, so the pages have no consent library. Run `npm run build`.');
  }
  console.log('Press Ctrl+C to stop.');
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
