// node:test reporter: counts passed/failed/skipped tests (not suites) into the JSON file named by
// CG_NODE_COUNTS_FILE, for test/run.js's summary line.
import { writeFileSync } from 'node:fs';

export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  writeFileSync(process.env.CG_NODE_COUNTS_FILE, JSON.stringify(counts));
}
