// What `npm run bench` (bench/run.js) and `npm run bench:ab` (bench/ab.js) measure in a page: the
// probe that runs before anything else, the manager's bytes and its script time per animation frame,
// and a first visit's figures. Measurements of this machine, not assertions.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { systems, ACCEPT_TEXT } from './systems.js';

export const CPU_SLOWDOWN = 4;
// BENCH_FRAMES=1 prints each long animation frame the manager's scripts contributed to.
const SHOW_FRAMES = Boolean(process.env.BENCH_FRAMES);

// Runs in the page before anything else: watches for the banner's Accept button to become
// visible, then for the main thread to be free; records layout shifts and long animation frames.
export const PROBE = `(() => {
  const bench = (window.__bench = { visible: null, interactive: null, cls: 0, loaf: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) bench.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      bench.loaf.push({ duration: e.duration, scripts: e.scripts.map((s) => ({ url: s.sourceURL, duration: s.duration, invoker: s.invoker, forced: s.forcedStyleAndLayoutDuration })) });
  }).observe({ type: 'long-animation-frame', buffered: true });
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.bottom > 0 && r.top < innerHeight;
  };
  window.__acceptButton = () =>
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(ACCEPT_TEXT)} && shown(b));
  const poll = () => {
    if (window.__acceptButton()) {
      bench.visible = performance.now();
      setTimeout(() => (bench.interactive = performance.now()));
    } else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

export function sizes(bodies) {
  const all = Buffer.concat(bodies);
  return {
    raw: all.length,
    gzip: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    brotli: bodies.reduce((n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0),
  };
}

/**
 * A fresh page for `system`, CPU throttled, with the probe; `managerBodies` collects what it
 * downloads of the manager's files, `cdp` is its DevTools session.
 */
export async function openPage(browser, system) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(PROBE);
  const managerBodies = [];
  page.on('response', async (response) => {
    const url = response.url();
    if (!systems[system].files.some((re) => re.test(url))) return;
    try {
      managerBodies.push({ url, body: await response.body() });
    } catch {}
  });
  return { context, page, cdp, managerBodies };
}

export function managerTime(loaf, system, scenario = '') {
  // Long animation frames whose script time belongs to the manager (its files and config);
  // `longestFrame`: the most script time it had in one frame (only frames over 50 ms are reported).
  let longTasks = 0;
  let blocking = 0;
  let longestFrame = 0;
  for (const frame of loaf) {
    const own = frame.scripts.filter((s) => systems[system].files.some((re) => re.test(s.url))).reduce((n, s) => n + s.duration, 0);
    longestFrame = Math.max(longestFrame, own);
    if (own > 50) {
      longTasks++;
      blocking += own - 50;
    }
    // Each script: its file (none: the page's own, such as the probe's poll), ms, what invoked it
    // (the file's evaluation, an onload, a timer…) and any style and layout it forced.
    if (SHOW_FRAMES && own > 0)
      console.error(
        `${system}${scenario && ` (${scenario})`}: frame ${frame.duration.toFixed(0)} ms, manager scripts ${own.toFixed(0)} ms: ${frame.scripts
          .map((s) => `${s.url.split('/').pop() || 'page'} ${s.duration.toFixed(0)} [${s.invoker.replace(/https?:\/\/[^/]+\/assets\/[\w-]+\//g, '')}${s.forced >= 1 ? `, forced layout ${s.forced.toFixed(0)}` : ''}]`)
          .join(', ')}`,
      );
  }
  return { longTasks, blocking, longestFrame };
}

export async function firstVisit(browser, server, system, query = '') {
  const { context, page, managerBodies } = await openPage(browser, system);
  await page.goto(`${server.siteUrl}/page/${system}${query}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.interactive !== null, null, { timeout: 20000 });
  await page.waitForTimeout(500);
  const bench = await page.evaluate(() => window.__bench);
  const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0].startTime);
  const result = {
    bytes: sizes(managerBodies.map((b) => b.body)),
    files: managerBodies.map((b) => new URL(b.url).pathname),
    visible: bench.visible - nav,
    interactive: bench.interactive - nav,
    cls: bench.cls,
    ...managerTime(bench.loaf, system, `first visit${query}`),
  };
  await context.close();
  return result;
}

