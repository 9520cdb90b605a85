// `npm run bench:ab -- <before> [after]`: an interleaved A/B of two builds of consent-gate's
// script-tag files on the benchmark's first-visit page, in headless Chromium with the CPU
// throttled 4×. `before` and `after` are directories holding the built files (`after` defaults to
// dist/); keep a build to compare with by copying dist/ away before a change:
//
//   cp -r dist /tmp/before && <change, npm run build> && npm run bench:ab -- /tmp/before
//
// Page loads alternate between the two (BENCH_RUNS each, default 10), so a slow spell of this
// machine lands on both: timings here vary by 2–3× from hour to hour, and a before/after taken an
// hour apart says little. Prints, for each: brotli bytes, banner visible (ms from navigation), the
// longest frame's script time from consent-gate, frames over 50 ms and the blocking time over
// 50 ms. Figures for the issue note, not assertions.
import { chromium } from 'playwright';
import { launchOptions } from '../test/support/browser.js';
import { firstVisit, stat } from './measure.js';
import { startBenchServer } from './server.js';

const [before, after = 'dist'] = process.argv.slice(2);
if (!before) {
  console.error('usage: npm run bench:ab -- <directory of the build before> [directory of the build after, default dist]');
  process.exit(1);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const QUERY = process.env.BENCH_QUERY ?? ''; // e.g. ?embeds=1

const builds = [
  { name: 'before', dir: before, runs: [] },
  { name: 'after', dir: after, runs: [] },
];
const browser = await chromium.launch(launchOptions());
try {
  for (const build of builds) build.server = await startBenchServer({ consentGate: build.dir });
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so neither always follows the other.
    for (const build of i % 2 ? [...builds].reverse() : builds) build.runs.push(await firstVisit(browser, build.server, 'consent-gate', QUERY));
    process.stderr.write('.');
  }
} finally {
  await browser.close();
  await Promise.all(builds.map((b) => b.server?.close()));
}
process.stderr.write('\n');

const ms = (xs) => {
  const s = stat(xs);
  return `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
};
const rows = [
  ['brotli B, first visit', (runs) => String(runs[0].bytes.brotli)],
  ['banner visible, ms', (runs) => ms(runs.map((r) => r.visible))],
  ['longest frame, consent-gate script ms', (runs) => ms(runs.map((r) => r.longestFrame))],
  ['frames over 50 ms', (runs) => ms(runs.map((r) => r.longTasks))],
  ['blocking over 50 ms, ms', (runs) => ms(runs.map((r) => r.blocking))],
];
console.log(`First visit${QUERY}, ${RUNS} loads each, interleaved; median (min–max)\n`);
console.log(`| | before (${before}) | after (${after}) |\n|---|---|---|`);
for (const [label, cell] of rows) console.log(`| ${label} | ${builds.map((b) => cell(b.runs)).join(' | ')} |`);
