// Interleaved A/B of the core with and without the compile hint: first visits, 4x CPU.
import { chromium } from 'playwright';
import { readFileSync, writeFileSync } from 'node:fs';
import { launchOptions } from '../test/support/browser.js';
import { startBenchServer } from './server.js';
const FILE = new URL('../dist/' + (process.env.AB_FILE ?? 'consent-gate-core.min.js'), import.meta.url);
const hinted = readFileSync(FILE, 'utf8');
const plain = hinted.replace(/^\/\/# allFunctionsCalledOnLoad\n/, '');
const QUERY = process.env.QUERY ?? '';
const server = await startBenchServer();
const browser = await chromium.launch(launchOptions());
const out = { hinted: [], plain: [] };
const N = Number(process.env.N ?? 10);
for (let i = 0; i < N * 2; i++) {
  const variant = i % 2 ? 'plain' : 'hinted';
  writeFileSync(FILE, variant == 'hinted' ? hinted : plain);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(`window.__loaf=[];new PerformanceObserver(l=>{for(const e of l.getEntries())__loaf.push({d:e.duration,s:e.scripts.map(s=>({u:s.sourceURL,d:s.duration}))})}).observe({type:'long-animation-frame',buffered:true});`);
  await page.goto(`${server.siteUrl}/page/consent-gate${QUERY}`, { waitUntil: 'load' });
  await page.waitForSelector('consent-banner button', { state: 'visible' });
  const visible = await page.evaluate(() => performance.now());
  await page.waitForTimeout(800);
  const loaf = await page.evaluate(() => __loaf);
  const own = loaf.map((f) => f.s.filter((s) => /consent-gate/.test(s.u)).reduce((n, s) => n + s.d, 0)).filter((x) => x > 0);
  out[variant].push({ own, max: Math.max(0, ...own), blocking: own.reduce((n, x) => n + Math.max(0, x - 50), 0), long: own.filter((x) => x > 50).length, visible });
  await context.close();
}
writeFileSync(FILE, hinted);
await browser.close(); await server.close();
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const [k, rs] of Object.entries(out)) console.log(k, rs.map((r) => r.own.map((x) => x.toFixed(0)).join('+')).join('  '));
for (const [k, rs] of Object.entries(out))
  console.log(k.padEnd(7), 'max frame script', rs.map((r) => r.max.toFixed(0)).join(','), '| median', med(rs.map((r) => r.max)).toFixed(0), '| long', med(rs.map((r) => r.long)), '| blocking', med(rs.map((r) => r.blocking)).toFixed(0), '| banner seen by probe', med(rs.map((r) => r.visible)).toFixed(0));
