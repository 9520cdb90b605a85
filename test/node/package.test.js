// The npm package as a consumer gets it: `npm pack` of the built dist/, installed into a fresh
// project in a temporary folder (offline, from npm's cache), then
//  - the tarball holds exactly what package.json's exports reach (no stray files, nothing missing);
//  - TypeScript accepts the documented uses under moduleResolution bundler and nodenext, with the
//    `consent-change` event and `createElement('consent-banner')` typed;
//  - bundlers honour `sideEffects`: elements register on import, the core stays free of Lit, the
//    debug aid stays out of the main chunk;
//  - importing it in plain Node (server-side rendering) neither throws nor touches `window`.
// Needs `npm run build` first (`npm test` does it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

let work;
let consumer;
let packed; // paths inside the tarball, e.g. 'dist/index.js'

before(() => {
  assert.ok(existsSync(path.join(root, 'dist/index.js')), 'dist/ is missing: run `npm run build` first');
  work = mkdtempSync(path.join(tmpdir(), 'cg-package-'));
  // --ignore-scripts: the tarball of the dist/ just built, without `prepack` building it again.
  const [result] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  );
  packed = result.files.map((f) => f.path).sort();

  consumer = path.join(work, 'consumer');
  mkdirSync(path.join(consumer, 'src'), { recursive: true });
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = (mode) =>
    spawnSync(npm, ['install', mode, '--no-audit', '--no-fund', '--ignore-scripts', path.join(work, result.filename)], {
      cwd: consumer,
      encoding: 'utf8',
    });
  // lit, js-cookie and tslib come from npm's cache (filled by `npm ci`); the registry only if not.
  let installed = install('--offline');
  if (installed.status !== 0) installed = install('--prefer-offline');
  assert.equal(installed.status, 0, `npm install of the tarball failed:\n${installed.stderr}`);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

// ---- what the tarball holds ---------------------------------------------------------------------

/**
 * Every file an export target (or `bin`) reaches: relative imports (static and dynamic), source
 * maps, declarations.
 */
function reachableFiles() {
  const files = new Set(['package.json']);
  const exists = (file) => existsSync(path.join(root, file));
  const visit = (file) => {
    if (files.has(file)) return;
    assert.ok(exists(file), `${file} is named or imported but was not built`);
    files.add(file);
    if (!/\.(js|ts)$/.test(file)) return;
    const source = readFileSync(path.join(root, file), 'utf8');
    const dir = path.posix.dirname(file);
    // Comments hold examples (`import catalogue from './cookies.json'`), not imports.
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.posix.join(dir, specifier);
      visit(file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target);
    }
    const map = source.match(/\/\/# sourceMappingURL=(\S+)\s*$/);
    if (map) visit(path.posix.join(dir, map[1]));
  };
  const targets = (value) =>
    typeof value === 'string' ? [value] : Object.values(value).flatMap(targets);
  for (const [subpath, value] of Object.entries(pkg.exports)) {
    for (const target of targets(value)) {
      const file = target.replace(/^\.\//, '');
      if (!file.includes('*')) {
        visit(file);
        continue;
      }
      // A pattern export: every built file it matches (each element's registration module).
      const [prefix, suffix] = file.split('*');
      const matches = packed.filter((p) => p.startsWith(prefix) && p.endsWith(suffix) && !p.slice(prefix.length, -suffix.length).includes('/'));
      assert.ok(matches.length, `export ${subpath} (${target}) matches no built file`);
      matches.forEach(visit);
    }
  }
  // The command line (`bin`) ships too, with what it reaches.
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  for (const bin of bins) visit(bin.replace(/^\.\//, ''));
  return files;
}

describe('the tarball', () => {
  it('contains exactly what the exports reach, plus package.json and the README', () => {
    const expected = [...reachableFiles(), 'README.md', ...(existsSync(path.join(root, 'LICENSE')) ? ['LICENSE'] : [])].sort();
    assert.deepEqual(packed, [...new Set(expected)].sort());
  });

  it('lists types first in every export condition, and names files that exist', () => {
    for (const [subpath, value] of Object.entries(pkg.exports)) {
      if (typeof value === 'string') continue;
      assert.equal(Object.keys(value)[0], 'types', `exports["${subpath}"]: "types" must come first`);
    }
    assert.ok(packed.includes(pkg.customElements), 'customElements names a packed file');
    assert.ok(packed.includes(pkg.types.replace(/^\.\//, '')) && packed.includes(pkg.main.replace(/^\.\//, '')));
  });

  it('marks as side-effectful only files it ships: the entry, registration modules (the elements, Welsh and the rest of English) and script-tag bundles', () => {
    for (const pattern of pkg.sideEffects) {
      const regex = new RegExp(`^${pattern.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`);
      assert.ok(packed.some((file) => regex.test(file)), `sideEffects "${pattern}" matches no packed file`);
      assert.match(pattern, /^\.\/dist\/(index\.js|ui\/\*\/define\.js|i18n\/add-(cy|en)\.js|consent-gate(-core|-ui-cy|-ui-elements|-ui-embed|-debug|-errors)?\.min\.js)$/);
    }
  });
});

// ---- TypeScript in a consumer project ---------------------------------------------------------------

const CONSUMER_TS = `
import { consent, startConsentGate, ConsentBanner, type ConsentRecord, type CatalogueInput } from 'consent-gate';
import { parseCatalogue, ConsentChangeEvent } from 'consent-gate/core';
import 'consent-gate/elements/consent-banner';
import schema from 'consent-gate/catalogue.schema.json' with { type: 'json' };

document.addEventListener('consent-change', (e) => e.record?.id);
// @ts-expect-error: the record is undefined after reset(), so strict code has to check it
document.addEventListener('consent-change', (e) => e.record.id);
document.addEventListener('consent-change', (e) => {
  const event: ConsentChangeEvent = e;
  const record: ConsentRecord | undefined = e.record;
  const changed: readonly string[] = e.changed;
  return [event, record, changed];
});
const banner: ConsentBanner = document.createElement('consent-banner');
banner.placement = 'top';
// @ts-expect-error: not a placement
banner.placement = 'left';

const catalogue: CatalogueInput = { site: 'Oakfield', revision: 1, categories: { essential: { required: true } } };
startConsentGate(catalogue, { debug: true, reloadOnWithdrawal: false });
export const ok: boolean = parseCatalogue(catalogue).ok && consent.allows('analytics');
export const schemaId: unknown = schema.$schema;
`;

function typecheck(moduleResolution) {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: moduleResolution === 'bundler' ? 'ESNext' : 'NodeNext',
      moduleResolution,
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false, // our .d.ts files are checked too
      resolveJsonModule: true,
      types: [],
    },
    include: ['src'],
  };
  const file = `tsconfig.${moduleResolution}.json`;
  writeFileSync(path.join(consumer, file), JSON.stringify(config));
  return spawnSync(process.execPath, [tsc, '-p', file], { cwd: consumer, encoding: 'utf8' });
}

describe('TypeScript in a consumer project', () => {
  before(() => writeFileSync(path.join(consumer, 'src/consumer.ts'), CONSUMER_TS));

  for (const moduleResolution of ['bundler', 'nodenext']) {
    it(`type-checks the documented uses under moduleResolution ${moduleResolution}`, () => {
      const result = typecheck(moduleResolution);
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });
  }

  it('rejects misuse (so the check above can fail)', () => {
    writeFileSync(
      path.join(consumer, 'src/misuse.ts'),
      `document.addEventListener('consent-change', (e) => e.record?.nope);\n` +
        `document.createElement('consent-banner').placement = 'left';\n`,
    );
    try {
      const result = typecheck('bundler');
      assert.notEqual(result.status, 0);
      assert.match(result.stdout, /misuse\.ts\(1,[^)]*\): error TS2339: Property 'nope' does not exist on type 'ConsentRecord'/);
      assert.match(result.stdout, /misuse\.ts\(2,[^)]*\): error TS2322/);
    } finally {
      rmSync(path.join(consumer, 'src/misuse.ts'));
    }
  });
});

// ---- bundlers and sideEffects -------------------------------------------------------------------------

async function bundle(contents, { splitting = false } = {}) {
  const outdir = mkdtempSync(path.join(work, 'bundle-'));
  const result = await build({
    stdin: { contents, resolveDir: consumer, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    splitting,
    outdir,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles.map((f) => ({ name: path.basename(f.path), text: f.text }));
}

describe('bundling the package (esbuild, which honours sideEffects like webpack and Rollup do)', () => {
  it("registers the elements on a bare `import 'consent-gate'`", async () => {
    const [out] = await bundle(`import 'consent-gate';`);
    assert.match(out.text, /customElements\.define\(\s*["']consent-banner["']/);
  });

  it("registers one element with `import 'consent-gate/elements/consent-banner'`, Welsh and all of English included", async () => {
    const [out] = await bundle(`import 'consent-gate/elements/consent-banner';`);
    assert.match(out.text, /customElements\.define\(\s*["']consent-banner["']/);
    // The Welsh tables and the English beyond the banner's are added by side-effect imports
    // (src/i18n/add-cy.ts, src/i18n/add-en.ts) a bundler must keep.
    assert.ok(out.text.includes('Derbyn cwcis ychwanegol'), 'the Welsh strings are in the bundle');
    assert.ok(out.text.includes('Save cookie settings'), "the dialog's English strings are in the bundle");
  });

  it('keeps consent-gate/core free of Lit, and drops it entirely when nothing is used', async () => {
    const [used] = await bundle(`import { parseCatalogue, consent } from 'consent-gate/core'; console.log(parseCatalogue, consent);`);
    assert.doesNotMatch(used.text, /lit-html|LitElement|customElements/);
    const [unused] = await bundle(`import 'consent-gate/core';`);
    assert.doesNotMatch(unused.text, /consent-gate/);
  });

  it('puts the debug aid in a chunk of its own, loaded only when asked for', async () => {
    const files = await bundle(`import { startConsentGate } from 'consent-gate/core'; startConsentGate({});`, { splitting: true });
    const entry = files.find((f) => f.name === 'stdin.js');
    const debugChunk = files.find((f) => f.text.includes('consent-gate debug:'));
    assert.ok(entry && debugChunk && debugChunk !== entry, `files: ${files.map((f) => f.name).join(', ')}`);
    assert.match(entry.text, new RegExp(`import\\(["']\\./${debugChunk.name.replace(/\./g, '\\.')}["']\\)`));
  });
});

// ---- server-side rendering ------------------------------------------------------------------------------

// Runs in a plain Node process in the consumer project: browser globals are traps that record who
// reads them. Lit's Node build may look for `document` (to know it is on a server); our files may not
// touch any of them, and nobody may touch `window`.
const SSR_PROBE = `
const reads = [];
for (const name of ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self']) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      reads.push({ name, stack: new Error().stack.split('\\n').slice(2).join('\\n') });
      return undefined;
    },
  });
}
const core = await import('consent-gate/core');
const main = await import('consent-gate');
await import('consent-gate/elements/consent-banner');
const result = {
  reads,
  exports: Object.keys(main).sort(),
  allowsWithoutCatalogue: core.consent.allows('analytics'),
  bannerDefined: typeof globalThis.customElements?.get('consent-banner') === 'function',
  sameController: main.consent === core.consent,
};
process.stdout.write(JSON.stringify(result));
`;

describe('server-side rendering (plain Node, no DOM)', () => {
  it('imports without throwing and without touching window or any browser global from our code', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', SSR_PROBE], { cwd: consumer, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual(result.reads.filter((r) => r.name === 'window'), [], 'nobody reads window');
    const ours = result.reads.filter((r) => r.stack.split('\n')[0].includes('/node_modules/consent-gate/'));
    assert.deepEqual(ours, [], 'consent-gate reads no browser global on import');
    assert.ok(result.exports.includes('startConsentGate') && result.exports.includes('ConsentBanner'));
    assert.equal(result.allowsWithoutCatalogue, false, 'nothing is allowed before the gate starts in a browser');
    assert.equal(result.sameController, true);
    // Lit registers the element with its server shim; the browser upgrades it on the client.
    assert.equal(result.bannerDefined, true);
  });
});
