// The benchmark's two origins: the school site (localhost, one page per system and scenario, the
// managers' files) and the "third parties" (127.0.0.1, the demo's stand-ins).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { standInResponse } from '../demo/stand-ins/routes.js';
import { page, cookieconsentConfig, klaroConfig } from './systems.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = {
  'consent-gate': 'dist/',
  cookieconsent: 'node_modules/vanilla-cookieconsent/dist/',
  iframemanager: 'node_modules/@orestbida/iframemanager/dist/',
  klaro: 'node_modules/klaro/dist/',
};
const CSS = `body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#0b0c0c}header,main,footer{max-width:960px;margin:0 auto;padding:1rem}
.skip{position:absolute;left:-999px}.skip:focus{left:0}article{border-bottom:1px solid #ccc;padding:.5rem 0}iframe{display:block;max-width:100%;border:0}`;

const type = (path) =>
  path.endsWith('.css') ? 'text/css' : path.endsWith('.js') ? 'text/javascript' : path.endsWith('.html') ? 'text/html' : 'application/octet-stream';

function listen(handler) {
  const server = createServer((req, res) =>
    Promise.resolve(handler(req, res)).catch(() => {
      res.writeHead(500);
      res.end();
    }),
  );
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** `consentGate`: the directory consent-gate's files are served from (bench/ab.js serves two builds). */
export async function startBenchServer({ consentGate = root + ASSETS['consent-gate'] } = {}) {
  const assets = { ...Object.fromEntries(Object.entries(ASSETS).map(([name, dir]) => [name, root + dir])), 'consent-gate': path.resolve(consentGate) + '/' };
  const third = await listen((req, res) => {
    const answer = standInResponse(`http://127.0.0.1${req.url}`, { method: req.method, origin: req.headers.origin });
    if (!answer) {
      res.writeHead(204);
      return res.end();
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  const thirdParty = `http://127.0.0.1:${third.address().port}`;

  const site = await listen(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const send = (body, contentType) => {
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(body);
    };
    // /page/<system>?embeds=1&gated=100
    const pageMatch = url.pathname.match(/^\/page\/([\w-]+)$/);
    if (pageMatch) {
      return send(
        page(pageMatch[1], { thirdParty, embeds: url.searchParams.get('embeds') === '1', gatedScripts: Number(url.searchParams.get('gated') ?? 0) }),
        'text/html; charset=utf-8',
      );
    }
    if (url.pathname === '/cc-config.js') return send(cookieconsentConfig(thirdParty, url.searchParams.get('embeds') === '1'), 'text/javascript');
    if (url.pathname === '/klaro-config.js') return send(klaroConfig(), 'text/javascript');
    if (url.pathname === '/bench.css') return send(CSS, 'text/css');
    const gated = url.pathname.match(/^\/gated\/(\d+)\.js$/);
    if (gated) return send(`(window.__gated = window.__gated || []).push(${gated[1]});`, 'text/javascript');
    const asset = url.pathname.match(/^\/assets\/([\w-]+)\/([\w.-]+)$/);
    if (asset && assets[asset[1]]) {
      try {
        return send(await readFile(assets[asset[1]] + asset[2]), type(asset[2]));
      } catch {}
    }
    res.writeHead(404);
    res.end();
  });
  const siteUrl = `http://localhost:${site.address().port}`;
  return {
    siteUrl,
    thirdParty,
    close: () => Promise.all([site, third].map((s) => new Promise((r) => s.close(r)))),
  };
}
