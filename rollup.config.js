// The builds, in this order (rollup runs them one after another):
//  - dist/consent-gate-ui.min.js     script-tag UI (IIFE, Lit + elements), loaded by the gate on demand
//  - dist/consent-gate-debug.min.js  script-tag debug aid (IIFE), loaded by the gate only with ?consent-debug
//  - dist/consent-gate-full.min.js   script-tag rest of the gate (IIFE): validator, presets' texts,
//                                    decisions, receipts; loaded by the gate when needed
//  - dist/consent-gate.min.js        script-tag gate (IIFE, no Lit), runs synchronously in <head>;
//                                    carries the SRI hashes of the three above, so they are built first
//  - dist/*.js + .d.ts               npm ESM (modules preserved; lit, js-cookie, tslib external)
// Then: files no build wrote are removed from dist/ (a renamed module must not linger in the
// package), dist/custom-elements.json is generated from the elements' JSDoc, and the SRI hashes
// of the script-tag files are printed for the CDN snippet.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const DIST = 'dist';

const ts = (declarations) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    noEmitOnError: true,
    declaration: declarations,
    ...(declarations ? { declarationDir: DIST, outDir: DIST } : { outDir: undefined, declarationDir: undefined }),
  });

// Private members are `_name` by house style so the gate can mangle them. Not in the UI: Lit's
// decorators register reactive properties by their string name, which mangling would orphan.
const minify = (mangleProperties) =>
  terser({
    ecma: 2021,
    module: false,
    compress: { passes: 2, pure_getters: true },
    mangle: mangleProperties ? { properties: { regex: /^_[a-z]/ } } : true,
    format: { comments: false },
  });

/** `sha384-…`, as an `integrity` attribute wants it. */
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

// Every file the builds write, so the last build can remove the rest.
const written = new Set();
const recordWrites = () => ({
  name: 'consent-gate:record-writes',
  writeBundle(options, bundle) {
    const dir = options.dir ?? path.dirname(options.file);
    for (const fileName of Object.keys(bundle)) written.add(path.resolve(dir, fileName));
  },
});

/** Replaces src/bundle-integrity.ts, in the gate bundle, with the hashes of the bundles just built. */
const bundleIntegrity = () => ({
  name: 'consent-gate:bundle-integrity',
  load(id) {
    if (!id.endsWith(`${path.sep}src${path.sep}bundle-integrity.ts`)) return null;
    return [
      `export const UI_INTEGRITY = ${JSON.stringify(sri(`${DIST}/consent-gate-ui.min.js`))};`,
      `export const DEBUG_INTEGRITY = ${JSON.stringify(sri(`${DIST}/consent-gate-debug.min.js`))};`,
      `export const FULL_INTEGRITY = ${JSON.stringify(sri(`${DIST}/consent-gate-full.min.js`))};`,
    ].join('\n');
  },
});

const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.resolve(dir, entry.name);
    return entry.isDirectory() ? filesUnder(file) : [file];
  });

/** After the last build: prune dist/, write custom-elements.json, print the SRI hashes. */
const finish = () => ({
  name: 'consent-gate:finish',
  closeBundle() {
    for (const file of filesUnder(DIST)) if (!written.has(file)) rmSync(file);
    for (const dir of filesUnder(DIST).map(path.dirname)) if (!readdirSync(dir).length) rmSync(dir, { recursive: true });

    const cem = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
    execFileSync(process.execPath, [cem, 'analyze', '--quiet', '--config', 'custom-elements-manifest.config.mjs'], {
      stdio: 'inherit',
    });

    const lines = ['consent-gate.min.js', 'consent-gate-full.min.js', 'consent-gate-ui.min.js', 'consent-gate-debug.min.js'].map((name) => {
      const file = `${DIST}/${name}`;
      return `  ${file.padEnd(32)} ${String(statSync(file).size).padStart(6)} B  integrity="${sri(file)}"`;
    });
    console.log(`\nSubresource Integrity (SRI) hashes of the script-tag files:\n${lines.join('\n')}\n`);
  },
});

const iife = (input, file, { mangleProperties, plugins = [] }) => ({
  input,
  // js-cookie's module only defines its API: without this its top-level call keeps it in every
  // bundle that imports store.ts, even those (the gate) that never write the consent cookie.
  treeshake: { moduleSideEffects: (id) => !id.includes(`${path.sep}js-cookie${path.sep}`) },
  output: { file, format: 'iife', sourcemap: true },
  plugins: [...plugins, nodeResolve({ browser: true }), ts(false), minify(mangleProperties), recordWrites()],
});

export default [
  iife('src/ui/define-all.ts', `${DIST}/consent-gate-ui.min.js`, { mangleProperties: false }),
  iife('src/debug-tag.ts', `${DIST}/consent-gate-debug.min.js`, { mangleProperties: true }),
  // The full bundle works on the gate's state object: it may use only members whose names are
  // not mangled (public ones), since each bundle mangles `_private` names its own way.
  iife('src/script-tag-full.ts', `${DIST}/consent-gate-full.min.js`, { mangleProperties: true }),
  iife('src/script-tag.ts', `${DIST}/consent-gate.min.js`, { mangleProperties: true, plugins: [bundleIntegrity()] }),
  {
    // dist/cli.js: the `consent-gate` command (Node). It bundles the catalogue modules it shares
    // with the library (validate, presets, match, table) from the same sources; `playwright` is an
    // optional peer dependency that only `audit` imports. Its own tsconfig adds Node's types.
    input: 'cli/main.ts',
    external: [/^node:/, 'playwright'],
    output: { file: `${DIST}/cli.js`, format: 'es', banner: '#!/usr/bin/env node' },
    plugins: [
      typescript({ tsconfig: './cli/tsconfig.json', noEmitOnError: true, outDir: undefined, declarationDir: undefined }),
      recordWrites(),
    ],
  },
  {
    // Each element's registration module is an entry of its own: `consent-gate/elements/<tag>`.
    input: [
      'src/index.ts',
      'src/core.ts',
      ...readdirSync('src/ui', { withFileTypes: true })
        .map((entry) => `src/ui/${entry.name}/define.ts`)
        .filter((file) => existsSync(file)),
    ],
    external: [/^lit(\/|$)/, 'js-cookie', 'tslib'],
    output: { dir: DIST, format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
    plugins: [
      ts(true),
      {
        // TypeScript declares every module in the program (script-tag entries, work in progress);
        // the package keeps only the declarations its entries' declarations reach.
        name: 'consent-gate:reachable-declarations',
        generateBundle(_, bundle) {
          const reached = new Set();
          const visit = (fileName) => {
            if (reached.has(fileName) || !bundle[fileName]) return;
            reached.add(fileName);
            const source = String(bundle[fileName].source);
            for (const [, specifier] of source.matchAll(/(?:from|import\(?)\s*['"](\.[^'"]+)\.js['"]/g)) {
              visit(path.posix.join(path.posix.dirname(fileName), `${specifier}.d.ts`));
            }
          };
          for (const chunk of Object.values(bundle)) {
            if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName.replace(/\.js$/, '.d.ts'));
          }
          for (const fileName of Object.keys(bundle)) {
            if (fileName.endsWith('.d.ts') && !reached.has(fileName)) delete bundle[fileName];
          }
        },
      },
      recordWrites(),
      finish(),
    ],
  },
];
