// Serves a fixture site (a folder of HTML pages, e.g. test/fixtures/leaky-site) for CLI audits,
// with the built library under /assets/ and the demo's third-party stand-ins on *.localhost
// hosts of the same port. Chromium resolves every *.localhost name to this machine, and
// `googletagmanager.localhost` is a different site from `localhost`, so the stand-ins' requests
// and cookies are genuinely third-party — each under a host of its own, so an audit can tell
// Google Analytics' requests from YouTube's. Pages write `{{port}}` where the port goes, and
// `{{include file}}` for a file of their folder.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { standInResponse } from '../../demo/stand-ins/routes.js';
import { TYPES } from './server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `{{include cookies.json}}` → that file of the site's folder (an inline catalogue, say). */
async function includes(text, dir) {
  for (const [placeholder, name] of text.matchAll(/\{\{include ([\w.-]+)\}\}/g))
    text = text.replace(placeholder, (await readFile(path.join(dir, name), 'utf8')).trim());
  return text;
}

/** Resolves to { siteUrl: 'http://localhost:<port>', port, thirdPartyRequests, close() }. */
export function startFixtureSite(dir) {
  const siteDir = path.resolve(root, dir);
  const thirdPartyRequests = [];
  const server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url, `http://${req.headers.host}`);
    if (host != 'localhost' && host != '127.0.0.1') {
      thirdPartyRequests.push(url.href);
      const response = standInResponse(url, { method: req.method, origin: req.headers.origin });
      res.writeHead(response?.status ?? 404, { 'cache-control': 'no-store', ...response?.headers });
      return res.end(response && response.status != 204 ? response.body : undefined);
    }
    const pathname = decodeURIComponent(url.pathname);
    const file = pathname.startsWith('/assets/')
      ? path.join(root, 'dist', pathname.slice('/assets/'.length))
      : path.join(siteDir, pathname == '/' ? 'index.html' : path.extname(pathname) ? pathname : `${pathname}.html`);
    if (!file.startsWith(root) || file.includes('\0')) {
      res.writeHead(400);
      return res.end();
    }
    try {
      let body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      if (/html|json/.test(type))
        body = (await includes(body.toString('utf8'), siteDir)).replaceAll('{{port}}', String(server.address().port));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`not found: ${pathname}\n`);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        siteUrl: `http://localhost:${port}`,
        port,
        thirdPartyRequests,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
