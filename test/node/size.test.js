// Bytes are deterministic, so the size of what a visitor downloads is checked here, on every
// `npm test`: the brotli size of each built script-tag file against its ceiling in
// bench/size-budgets.json. Timings are not: they live in `npm run bench`, never in tests.
// Needs `npm run build` first (`npm test` does it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const budgets = JSON.parse(readFileSync(path.join(root, 'bench/size-budgets.json'), 'utf8'));
const brotli = (file) =>
  brotliCompressSync(readFileSync(path.join(root, 'dist', file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

describe('size of the script-tag files (brotli)', () => {
  for (const [file, { ceiling, role }] of Object.entries(budgets.files)) {
    it(`${file} stays within ${ceiling} B (${role})`, () => {
      const size = brotli(file);
      assert.ok(size <= ceiling, `${file} is ${size} B brotli, over its ceiling of ${ceiling} B by ${size - ceiling} B`);
    });
  }

  it('the gate bundle holds neither Lit, the validator, the presets’ texts, js-cookie nor the core’s consent state', () => {
    const gate = readFileSync(path.join(root, 'dist/consent-gate.min.js'), 'utf8');
    // Strings that exist only in those modules (a message of the validator, a preset purpose,
    // js-cookie's converter, Lit's template marker, a message of ConsentState's commit).
    for (const marker of ['did you mean', 'Counts visits and shows us', 'withAttributes', 'lit$', 'a consent listener failed']) {
      assert.ok(!gate.includes(marker), `dist/consent-gate.min.js contains "${marker}"`);
    }
  });

  it('the core bundle (a first visit) carries the validator’s checks, not its messages: those come with the errors file', () => {
    const read = (file) => readFileSync(path.join(root, 'dist', file), 'utf8');
    // A hint and a message only validate-messages.ts holds.
    for (const marker of ['did you mean', 'expected a bare hostname']) {
      assert.ok(read('consent-gate-errors.min.js').includes(marker), `the errors file lacks "${marker}"`);
      assert.ok(!read('consent-gate-core.min.js').includes(marker), `dist/consent-gate-core.min.js contains "${marker}"`);
    }
  });

  it('the core bundle (a first visit) draws the banner without Lit: Lit comes with the elements bundle only', () => {
    const read = (file) => readFileSync(path.join(root, 'dist', file), 'utf8');
    // Lit's template marker ('lit$' and a random number) is in every copy of lit-html.
    assert.ok(read('consent-gate-ui-elements.min.js').includes('lit$'), 'the marker is still Lit’s');
    assert.ok(!read('consent-gate-core.min.js').includes('lit$'), 'dist/consent-gate-core.min.js contains Lit');
  });

  it('the gate, the core and the embed bundle open with V8’s compile hint (compiled while they stream in), and carry SHA-256 hashes of their siblings', () => {
    const read = (file) => readFileSync(path.join(root, 'dist', file), 'utf8');
    for (const file of ['consent-gate.min.js', 'consent-gate-core.min.js', 'consent-gate-ui-embed.min.js']) {
      assert.ok(read(file).startsWith('//# allFunctionsCalledOnLoad\n'), `dist/${file} does not start with the compile hint`);
    }
    assert.match(read('consent-gate.min.js'), /"sha256-[A-Za-z0-9+/]{43}="/);
    assert.doesNotMatch(read('consent-gate-core.min.js'), /sha384-/);
  });

  it('src/version.ts says the package version (it is part of the catalogue fingerprint)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const source = readFileSync(path.join(root, 'src/version.ts'), 'utf8');
    assert.match(source, new RegExp(`VERSION = '${pkg.version.replace(/\./g, '\\.')}'`));
  });
});
