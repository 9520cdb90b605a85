// Writes {passed, failed, skipped} of a web-test-runner run to a JSON file, so test/run.js can
// print one plain summary line for the whole suite.
import { writeFileSync } from 'node:fs';

function tally(results, counts) {
  for (const test of results?.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const suite of results?.suites ?? []) tally(suite, counts);
}

export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        tally(session.testResults, counts);
        // A file that failed to load (syntax error, 404) has no results: count it as a failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) counts.failed++;
      }
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}
