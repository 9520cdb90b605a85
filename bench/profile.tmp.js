import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { launchOptions } from '../test/support/browser.js';
import { startBenchServer } from './server.js';
const server = await startBenchServer();
const browser = await chromium.launch(launchOptions());
const maps = {};
const mapFor = (url) => {
  const name = url.split('/').pop();
  if (!name.startsWith('consent-gate')) return null;
  return (maps[name] ??= new TraceMap(readFileSync(new URL(`../dist/${name}.map`, import.meta.url), 'utf8')));
};
const agg = new Map();
const RUNS = Number(process.env.RUNS ?? 5);
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.siteUrl}/page/consent-gate${process.env.QUERY ?? ''}`, { waitUntil: 'load' });
  await page.waitForSelector('consent-banner button', { state: 'visible' });
  await page.waitForTimeout(1000);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => {
    const f = n.callFrame;
    const m = f.url && mapFor(f.url);
    if (!m) return `[${f.functionName || f.url.split('/').pop() || '(program)'}]`;
    const p = originalPositionFor(m, { line: f.lineNumber + 1, column: f.columnNumber });
    return `${f.url.split('/').pop().replace('.min.js','')} ${p.source?.replace(/^.*?src\//, 'src/')}:${p.line} ${p.name ?? f.functionName}`;
  };
  profile.samples.forEach((id, i) => {
    if (process.env.INCLUSIVE) {
      const seen = new Set();
      for (let x = id; x; x = parent.get(x)) seen.add(keyOf(byId.get(x)));
      for (const k of seen) agg.set(k, (agg.get(k) ?? 0) + (dt[i + 1] ?? 0) / 1000);
      return;
    }
    const n = byId.get(id);
    const f = n.callFrame;
    const m = f.url && mapFor(f.url);
    let key;
    if (m) {
      const p = originalPositionFor(m, { line: f.lineNumber + 1, column: f.columnNumber });
      key = `${f.url.split('/').pop().replace('.min.js','')} ${p.source?.replace(/^.*?src\//, 'src/')}:${p.line} ${p.name ?? f.functionName}`;
    } else key = `[${f.functionName || f.url.split('/').pop() || '(program)'}]`;
    agg.set(key, (agg.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  });
  await context.close();
}
await browser.close(); await server.close();
const rows = [...agg].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45));
for (const [k, v] of rows) console.log((v / RUNS).toFixed(1).padStart(7), k);
