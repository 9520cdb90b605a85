// Unit and component tests: TypeScript in real Chromium. Whole-page journeys live in test/e2e
// and run under node:test with Playwright (see test/run.js).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { launchOptions } from './test/support/browser.js';
import { countReporter } from './test/support/count-reporter.js';
import { defaultReporter } from '@web/test-runner';

// `/__script?mark=a&delay=300` answers, after `delay` ms, a script that records `mark` in
// `window.__ran`: lets tests mix slow and fast scripts and watch the execution order.
function scriptStandIn(ctx, next) {
  if (ctx.path !== '/__script') return next();
  const mark = String(ctx.query.mark ?? '').replace(/[^\w-]/g, '');
  const delay = Math.min(Number(ctx.query.delay ?? 0), 5000);
  return new Promise((resolve) =>
    setTimeout(() => {
      ctx.type = 'application/javascript';
      ctx.body = `(window.__ran = window.__ran || []).push(${JSON.stringify(mark)});`;
      resolve();
    }, delay),
  );
}

export default {
  middleware: [scriptStandIn],
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: true,
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, target: 'es2021', tsconfig: './tsconfig.json' })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: launchOptions() })],
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  reporters: [defaultReporter(), countReporter(process.env.CG_COUNTS_FILE)],
  testFramework: { config: { timeout: 10000 } },
};
