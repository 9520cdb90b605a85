// `npm run bench:ab -- <before> [after]`: an interleaved A/B of two builds of consent-gate's
// script-tag files on the benchmark's first-visit page, in headless Chromium with the CPU
// throttled 4×. `before` and `after` are directories holding the built files (`after` defaults to
// dist/); keep a build to compare with by copying dist/ away before a change:
//
//   rm -rf /tmp/before && cp -r dist /tmp/before && <change, npm run build> && npm run bench:ab -- /tmp/before
//
// Page loads alternate between the two (BENCH_RUNS each, default 10), so a slow spell of this
// machine lands on both: timings here vary by 2–3× from hour to hour, and a before/after taken an
// hour apart says little. Each load is traced (DevTools protocol), so every task that ran
// consent-gate's code is measured, not only frames over 50 ms. Prints, for each build: brotli
// bytes, banner visible (ms from navigation), the longest task's and all tasks' time in
// consent-gate, and its tasks over 50 ms. Figures for the issue note, not assertions.
// BENCH_TASKS=1 also prints each load's tasks (role and ms), BENCH_QUERY=?embeds=1 the page with embeds.
import { chromium } from 'playwright';
import { launchOptions } from '../test/support/browser.js';
import { openPage, sizes, stat } from './measure.js';
import { startBenchServer } from './server.js';
import { systems } from './systems.js';

const [before, after = 'dist'] = process.argv.slice(2);
if (!before) {
  console.error('usage: npm run bench:ab -- <directory of the build before> [directory of the build after, default dist]');
  process.exit(1);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const QUERY = process.env.BENCH_QUERY ?? ''; // e.g. ?embeds=1

const urlOf = (e) => e.args?.data?.url ?? '';
const isOurs = (e) => systems['consent-gate'].files.some((re) => re.test(urlOf(e)));
const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireAnimationFrame']);

/**
 * Main-thread tasks that ran consent-gate's code, from a DevTools trace of one first visit: each
 * task's time in consent-gate (its scripts' evaluation and calls, the events whose listeners are
 * its, and the microtasks that follow them), in ms. Unlike long animation frames (reported only
 * over 50 ms), every task is seen, so a change of a few ms shows. Tracing slows the page a little,
 * the same for both builds. `role`: the gate's evaluation, the core's (with the take-over the
 * gate's onload does in the same task), or a later one.
 */
function consentGateTasks(events) {
  const parser = events.find((e) => e.name === 'ParseHTML');
  if (!parser) return []; // the page's main thread is not in this trace
  const onMain = events.filter((e) => (e.ph === 'X' || e.ph === 'I') && e.pid === parser.pid && e.tid === parser.tid).sort((a, b) => a.ts - b.ts);
  const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
  // A task: a RunTask event and the microtask checkpoint the scheduler runs right after it (outside
  // the RunTask event: there a promise's continuation runs, such as one after `scheduler.yield()`).
  const units = [];
  for (const e of onMain) {
    if (e.ph !== 'X') continue;
    const last = units.at(-1);
    if (e.name === 'ThreadControllerImpl::RunTask') units.push({ ts: e.ts, end: e.ts + e.dur, task: e });
    else if (e.name === CHECKPOINT && last && e.ts >= last.end) last.end = Math.max(last.end, e.ts + e.dur);
  }
  // Timers, animation frames and yields consent-gate's code asked for: their callbacks are its
  // tasks too, also when the callback is a promise's resolve (no script of its own in the trace).
  const timers = new Set();
  const frames = new Set();
  let yields = 0;
  const tasks = [];
  let i = 0;
  for (const unit of units) {
    while (i < onMain.length && onMain[i].ts < unit.ts) i++;
    const inside = [];
    for (let j = i; j < onMain.length && onMain[j].ts <= unit.end; j++) if (onMain[j] !== unit.task) inside.push(onMain[j]);
    const continues = yields > 0 && inside.some((e) => e.name === 'RunYieldContinuation');
    if (continues) yields--;
    const asked = (e) => (e.name === 'TimerFire' && timers.has(e.args.data.timerId)) || (e.name === 'FireAnimationFrame' && frames.has(e.args.data.id));
    const ourCalls = inside.filter((e) => (SCRIPT.has(e.name) && isOurs(e)) || asked(e));
    if (!ourCalls.length && !continues) continue;
    const within = (outer, e) => e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + outer.dur;
    const spans = [
      ...ourCalls,
      ...inside.filter((e) => e.name === 'EventDispatch' && ourCalls.some((c) => within(e, c))),
      ...inside.filter((e) => e.name === CHECKPOINT || e.name === 'RunMicrotasks' || (continues && e.name === 'RunYieldContinuation')),
    ]
      .filter((e) => e.ph === 'X')
      .sort((a, b) => a.ts - b.ts);
    let ours = 0;
    let covered = -Infinity;
    for (const span of spans) {
      const from = Math.max(span.ts, covered);
      const to = span.ts + span.dur;
      if (to > from) ours += to - from;
      covered = Math.max(covered, to);
    }
    for (const e of inside.filter((e) => spans.some((span) => e !== span && within(span, e)))) {
      if (e.name === 'TimerInstall') timers.add(e.args.data.timerId);
      if (e.name === 'RequestAnimationFrame') frames.add(e.args.data.id);
      if (e.name === 'ScheduleYieldContinuation') yields++;
    }
    const evaluates = (file) => ourCalls.some((e) => e.name === 'EvaluateScript' && urlOf(e).endsWith(`/${file}`));
    tasks.push({ ms: ours / 1000, role: evaluates('consent-gate.min.js') ? 'gate' : evaluates('consent-gate-core.min.js') ? 'core' : 'later' });
  }
  return tasks;
}

/** A first visit, traced: bytes, banner visible (ms from navigation) and consent-gate's tasks. */
async function tracedFirstVisit(browser, server) {
  // The benchmark's page: its probe tells the frame the Accept button is first visible in.
  const { context, page, cdp, managerBodies } = await openPage(browser, 'consent-gate');
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel'] }, transferMode: 'ReportEvents' });
  await page.goto(`${server.siteUrl}/page/consent-gate${QUERY}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.interactive !== null, null, { timeout: 20000 });
  const visible = await page.evaluate(() => window.__bench.visible - performance.getEntriesByType('navigation')[0].startTime);
  await page.waitForTimeout(1000); // the work put off until after the banner's frame
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const tasks = consentGateTasks(events);
  if (process.env.BENCH_TASKS) console.error(tasks.map((t) => `${t.role} ${t.ms.toFixed(1)}`).join(', '));
  const longest = (role) => Math.max(0, ...tasks.filter((t) => !role || t.role === role).map((t) => t.ms));
  return {
    brotli: sizes(managerBodies.map((b) => b.body)).brotli,
    visible,
    longestTask: longest(),
    gateTask: longest('gate'),
    coreTask: longest('core'),
    laterTask: longest('later'),
    scriptMs: tasks.reduce((n, t) => n + t.ms, 0),
    longTasks: tasks.filter((t) => t.ms > 50).length,
  };
}

const builds = [
  { name: 'before', dir: before, runs: [] },
  { name: 'after', dir: after, runs: [] },
];
const browser = await chromium.launch(launchOptions());
try {
  for (const build of builds) build.server = await startBenchServer({ consentGate: build.dir });
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so neither always follows the other.
    for (const build of i % 2 ? [...builds].reverse() : builds) {
      // A trace now and then lacks the page's main thread: that load is measured again.
      let run = await tracedFirstVisit(browser, build.server);
      for (let retry = 0; retry < 3 && !run.scriptMs; retry++) run = await tracedFirstVisit(browser, build.server);
      build.runs.push(run);
    }
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
  ['brotli B, first visit', (runs) => String(runs[0].brotli)],
  ['banner visible, ms from navigation (traced)', (runs) => ms(runs.map((r) => r.visible))],
  ['longest task of consent-gate, ms', (runs) => ms(runs.map((r) => r.longestTask))],
  ['… the gate’s task (its evaluation in <head>), ms', (runs) => ms(runs.map((r) => r.gateTask))],
  ['… the core’s task (its evaluation and the take-over), ms', (runs) => ms(runs.map((r) => r.coreTask))],
  ['… the longest later task, ms', (runs) => ms(runs.map((r) => r.laterTask))],
  ['consent-gate script, all tasks, ms', (runs) => ms(runs.map((r) => r.scriptMs))],
  ['tasks of consent-gate over 50 ms', (runs) => ms(runs.map((r) => r.longTasks))],
];
console.log(`First visit${QUERY}, ${RUNS} loads each, interleaved; median (min–max)\n`);
console.log(`| | before (${before}) | after (${after}) |\n|---|---|---|`);
for (const [label, cell] of rows) console.log(`| ${label} | ${builds.map((b) => cell(b.runs)).join(' | ')} |`);
