// `npm run bench`: consent-gate against vanilla-cookieconsent and Klaro on the same school page,
// in headless Chromium with the CPU throttled 4×. Prints a markdown table and writes
// bench/results.json. Figures are measurements of this machine, not assertions.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright';
import { launchOptions } from '../test/support/browser.js';
import { CPU_SLOWDOWN, firstVisit, managerTime, openPage, sizes, stat } from './measure.js';
import { startBenchServer } from './server.js';
import { systems } from './systems.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_SYSTEMS=consent-gate,klaro measures only those (the table's ratios need consent-gate).
const SYSTEMS = process.env.BENCH_SYSTEMS ? process.env.BENCH_SYSTEMS.split(',') : Object.keys(systems);
for (const name of SYSTEMS.filter((n) => !systems[n])) {
  console.error(`BENCH_SYSTEMS: no system "${name}"; the systems are ${Object.keys(systems).join(', ')}.`);
  process.exit(1);
}
async function returningVisit(browser, server, system) {
  const { context, page, managerBodies } = await openPage(browser, system);
  await page.goto(`${server.siteUrl}/page/${system}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.interactive !== null, null, { timeout: 20000 });
  await page.evaluate(() => window.__acceptButton().click());
  await page.waitForTimeout(500);
  managerBodies.length = 0;
  await page.goto(`${server.siteUrl}/page/${system}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  const bench = await page.evaluate(() => window.__bench);
  const result = { bytes: sizes(managerBodies.map((b) => b.body)), files: managerBodies.map((b) => new URL(b.url).pathname), ...managerTime(bench.loaf, system, 'returning'), cls: bench.cls };
  await context.close();
  return result;
}

async function gatingCost(browser, server, system, count = 100) {
  const { context, page } = await openPage(browser, system);
  await page.goto(`${server.siteUrl}/page/${system}?gated=${count}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.interactive !== null, null, { timeout: 20000 });
  const elapsed = await page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const start = performance.now();
        window.__acceptButton().click();
        const check = () => ((window.__gated ?? []).length >= n ? resolve(performance.now() - start) : setTimeout(check, 2));
        check();
      }),
    count,
  );
  const order = await page.evaluate(() => window.__gated);
  await context.close();
  return { elapsed, inOrder: order.every((v, i) => v === i) };
}

async function main() {
  const server = await startBenchServer();
  const browser = await chromium.launch(launchOptions());
  const version = browser.version();
  const results = {};
  try {
    for (const system of SYSTEMS) {
      const runs = { first: [], returning: [], embeds: [], gating: [] };
      for (let i = 0; i < RUNS; i++) {
        runs.first.push(await firstVisit(browser, server, system));
        runs.returning.push(await returningVisit(browser, server, system));
        runs.embeds.push(await firstVisit(browser, server, system, '?embeds=1'));
        runs.gating.push(await gatingCost(browser, server, system));
        process.stderr.write('.');
      }
      results[system] = {
        label: systems[system].label,
        bytes: { first: runs.first[0].bytes, returning: runs.returning[0].bytes, embeds: runs.embeds[0].bytes },
        files: { first: runs.first[0].files, returning: runs.returning[0].files, embeds: runs.embeds[0].files },
        visibleMs: stat(runs.first.map((r) => r.visible)),
        interactiveMs: stat(runs.first.map((r) => r.interactive)),
        longTasks: stat(runs.first.map((r) => r.longTasks)),
        blockingMs: stat(runs.first.map((r) => r.blocking)),
        returningBlockingMs: stat(runs.returning.map((r) => r.blocking)),
        cls: stat(runs.first.map((r) => r.cls)),
        gating100Ms: stat(runs.gating.map((r) => r.elapsed)),
        gatingInOrder: runs.gating.every((r) => r.inOrder),
      };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stderr.write('\n');
  const meta = {
    date: new Date().toISOString().slice(0, 10),
    chromium: version,
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} ×${os.cpus().length}, throttled ${CPU_SLOWDOWN}×`,
    runs: RUNS,
  };
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ meta, results }, null, 2) + '\n');
  console.log(table(meta, results));
}

const kb = (n) => (n / 1024).toFixed(1);
const ms = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const ratio = (a, b) => (b ? `${(a / b).toFixed(1)}×` : '–');

function table(meta, results) {
  const base = results['consent-gate'];
  const rows = [
    ['JS+CSS, first visit (raw / gzip / **brotli** KB)', (r) => `${kb(r.bytes.first.raw)} / ${kb(r.bytes.first.gzip)} / **${kb(r.bytes.first.brotli)}**`, (r) => ratio(r.bytes.first.brotli, base.bytes.first.brotli)],
    ['JS+CSS, returning visitor, no embeds', (r) => `${kb(r.bytes.returning.raw)} / ${kb(r.bytes.returning.gzip)} / **${kb(r.bytes.returning.brotli)}**`, (r) => ratio(r.bytes.returning.brotli, base.bytes.returning.brotli)],
    ['JS+CSS, page with embeds (first visit)', (r) => `${kb(r.bytes.embeds.raw)} / ${kb(r.bytes.embeds.gzip)} / **${kb(r.bytes.embeds.brotli)}**`, (r) => ratio(r.bytes.embeds.brotli, base.bytes.embeds.brotli)],
    ['Banner visible, ms from navigation', (r) => ms(r.visibleMs), (r) => ratio(r.visibleMs.median, base.visibleMs.median)],
    ['Banner interactive, ms from navigation', (r) => ms(r.interactiveMs), (r) => ratio(r.interactiveMs.median, base.interactiveMs.median)],
    ['Long tasks from the manager (first visit)', (r) => ms(r.longTasks), () => ''],
    ['Blocking time from the manager, ms (first / returning)', (r) => `${ms(r.blockingMs)} / ${ms(r.returningBlockingMs)}`, () => ''],
    ['CLS (first visit)', (r) => r.cls.median.toFixed(3), () => ''],
    ['100 gated scripts after Accept, ms (order kept?)', (r) => `${ms(r.gating100Ms)} (${r.gatingInOrder ? 'yes' : '**no**'})`, (r) => ratio(r.gating100Ms.median, base.gating100Ms.median)],
  ];
  const names = Object.keys(results);
  const head = `| measure | ${names.map((n) => results[n].label).join(' | ')} |\n|---|${names.map(() => '---').join('|')}|`;
  const body = rows
    .map(([label, cell, rel]) => `| ${label} | ${names.map((n) => `${cell(results[n])}${n === 'consent-gate' || !rel(results[n]) ? '' : ` · ${rel(results[n])}`}`).join(' | ')} |`)
    .join('\n');
  return `Benchmark ${meta.date} · Chromium ${meta.chromium} · ${meta.cpu} · ${meta.runs} runs, median (min–max); × = ratio to consent-gate\n\n${head}\n${body}${budgets(base)}`;
}

/** The size budgets (bench/size-budgets.json) against what consent-gate's pages downloaded. */
function budgets(base) {
  if (!base) return '';
  const { scenarios } = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'));
  const measured = { returning: base.bytes.returning.brotli, 'first-visit': base.bytes.first.brotli };
  const lines = Object.entries(scenarios)
    .filter(([name, { budget }]) => budget && measured[name] !== undefined)
    .map(([name, { budget }]) => {
      const size = measured[name];
      const verdict = size <= budget ? 'met' : `**over by ${(size - budget).toLocaleString('en-GB')} B**`;
      return `- ${name}: ${size.toLocaleString('en-GB')} B brotli of a ${budget.toLocaleString('en-GB')} B budget: ${verdict}`;
    });
  return `\n\nSize budgets (bench/size-budgets.json), consent-gate's downloads:\n${lines.join('\n')}`;
}

// `node bench/run.js --print` prints the table of the last run (bench/results.json) without measuring.
if (process.argv.includes('--print')) {
  const { meta, results } = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8'));
  console.log(table(meta, results));
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
