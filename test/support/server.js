// A small static server for whole-page tests: serves the repository (pages under test/e2e/pages,
// the built dist/), plus a few test endpoints. Third-party hosts never reach it: tests route them
// to local stand-ins with Playwright (see test/support/page.js).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Content types by file extension, for the test servers. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Starts the server on a free port; resolves to { port, origin(host), posts, nextPost(path), close() }.
 * Every POST (consent receipts, site statistics beacons) is answered 204 and recorded in `posts`
 * as { path, host, contentType, body }; `nextPost(path)` resolves with the next one to `path` (rejects after 5 s).
 */
export function startTestServer() {
  const posts = [];
  const waiting = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'POST') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const post = { path: url.pathname + url.search, host: req.headers.host, contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') };
      posts.push(post);
      for (const w of waiting.filter((w) => w.path === url.pathname)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(post);
      }
      res.writeHead(204);
      res.end();
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`not found: ${path}`);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        origin: (host = 'localhost') => `http://${host}:${port}`,
        posts,
        nextPost: (path, timeout = 5000) =>
          new Promise((resolve, reject) => {
            const entry = { path, resolve };
            waiting.push(entry);
            setTimeout(() => {
              if (!waiting.includes(entry)) return;
              waiting.splice(waiting.indexOf(entry), 1);
              reject(new Error(`no POST to ${path} within ${timeout} ms`));
            }, timeout).unref();
          }),
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}
