// `npm test`: makes sure a Chromium exists, runs the in-browser unit/component tests
// (web-test-runner) and the whole-page journeys (node:test + Playwright), then prints one plain
// line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromiumPath } from './support/browser.js';

function ensureChromium() {
  if (chromiumPath()) return;
  let playwrightHasOne = false;
  try {
    // playwright is CommonJS; its own downloaded browser, if a contributor installed one.
    const { chromium } = createRequire(import.meta.url)('playwright');
    playwrightHasOne = existsSync(chromium.executablePath());
  } catch {}
  if (playwrightHasOne) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian chromium with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const res = spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
    if (res.status === 0 && chromiumPath()) return;
  } else {
    console.log('No Chromium found: running `npx playwright install chromium`…');
    const res = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
    if (res.status === 0) return;
  }
  console.error(
    'consent-gate tests need Chromium. Install one and try again:\n' +
      '  Debian/Ubuntu (root): apt-get install -y chromium\n' +
      '  elsewhere:            npx playwright install chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium/Chrome executable.',
  );
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'cg-test-'));
const wtrCounts = join(dir, 'wtr.json');
const nodeCounts = join(dir, 'node.json');
const totals = { passed: 0, failed: 0, skipped: 0 };
process.once('exit', () => {
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
});

ensureChromium();
const only = process.argv[2]; // `npm test -- e2e` or `npm test -- unit`

function add(file, ranOk) {
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  } else if (!ranOk) totals.failed++;
}

let ok = true;
if (only !== 'e2e') {
  const res = spawnSync('npx', ['web-test-runner', '--config', 'web-test-runner.config.js'], {
    stdio: 'inherit',
    env: { ...process.env, CG_COUNTS_FILE: wtrCounts },
  });
  add(wtrCounts, res.status === 0);
  ok &&= res.status === 0;
}
if (only !== 'unit') {
  // Node-side tests (schema, package) and whole-page journeys (Playwright).
  const files = ['test/node', 'test/e2e'].flatMap((dir) =>
    readdirSync(dir).filter((f) => f.endsWith('.test.js')).map((f) => join(dir, f)),
  );
  const res = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-timeout=180000',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./test/support/node-count-reporter.js', '--test-reporter-destination=stdout',
      ...files],
    { stdio: 'inherit', env: { ...process.env, CG_NODE_COUNTS_FILE: nodeCounts } },
  );
  add(nodeCounts, res.status === 0);
  ok &&= res.status === 0;
}
process.exitCode = ok && totals.failed === 0 ? 0 : 1;
