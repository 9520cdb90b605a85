// The builds, in this order (rollup runs them one after another):
//  - dist/consent-gate-ui-cy.min.js        script-tag Welsh tables (IIFE), loaded by the core for Welsh
//  - dist/consent-gate-ui-embed.min.js     script-tag <consent-embed> (drawn without Lit), its providers,
//                                          stylesheet and English (IIFE), loaded by the core once an
//                                          embed is in the page
//  - dist/consent-gate-ui-elements.min.js  script-tag <consent-table>, <consent-preferences>, the
//                                          dialog's questions and stylesheet, the rest of English, the
//                                          presets' texts (IIFE), loaded by the core once one is in the
//                                          page or the dialog opens
//    All three take the UI modules they share with the banner from the core (uiSharing); Lit is in
//    the elements bundle only.
//  - dist/consent-gate-debug.min.js  script-tag debug aid (IIFE), loaded by the gate only with ?consent-debug
//  - dist/consent-gate-errors.min.js script-tag validator messages (IIFE), loaded by the core only for
//                                    a catalogue its checks refused, to say why
//  - dist/consent-gate-core.min.js   script-tag rest of the gate (IIFE): the consent state, validator's checks,
//                                    presets (no texts), decisions, receipts, sweep, tab sync, and the
//                                    UI's first layer (the banner, drawn without Lit, its English); loaded by the
//                                    gate when needed; carries the SRI hashes of the three above, so
//                                    they are built first, and the exports the UI bundles import
//  - dist/consent-gate.min.js        script-tag gate (IIFE, no Lit), runs synchronously in <head>: a
//                                    returning visitor's page by itself, anything else through the core
//    The script-tag builds shrink the text of css/html templates (scripts/template-literals.js).
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
import { moduleSideEffects } from './scripts/define-only.js';
import { templateLiterals } from './scripts/template-literals.js';

const DIST = 'dist';

const ts = (declarations) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    noEmitOnError: true,
    declaration: declarations,
    ...(declarations ? { declarationDir: DIST, outDir: DIST } : { outDir: undefined, declarationDir: undefined }),
  });

// Private members are `_name` by house style so the gate, its core and the debug aid can mangle
// them. Not in the UI bundles: Lit's decorators register reactive properties by their string name,
// which mangling would orphan.
//
// `eager` puts V8's compile hint `//# allFunctionsCalledOnLoad` at the top, for a bundle whose
// functions nearly all run as soon as it arrives: Chromium (136+) then compiles them off the main
// thread while the file streams in, instead of each on its first call in the frame that draws the
// banner. Other engines read a comment. Measured (first visits at 4×, 8 with and 8 without,
// interleaved): the core's frame that takes over and draws the banner 145 -> 74 ms of script
// (median), the gate's first frame 65 -> 46; 14–42 B brotli a file. The embed bundle's gain was
// within noise; it is kept for the same reason (its element draws at once).
const minify = (mangleProperties, eager = false) =>
  terser({
    ecma: 2021,
    module: false,
    compress: { passes: 2, pure_getters: true },
    mangle: mangleProperties ? { properties: { regex: /^_[a-z]/ } } : true,
    format: { comments: false, ...(eager && { preamble: '//# allFunctionsCalledOnLoad' }) },
  });

/**
 * `sha384-…`, as an `integrity` attribute wants it: what the build prints for a site's own tag.
 * The hashes the bundles carry for the siblings they load are SHA-256 (as strong a guard against an
 * altered file, and 20 base64 characters shorter: the gate carries one on every page view).
 */
const sri = (file, algorithm = 'sha384') => `${algorithm}-${createHash(algorithm).update(readFileSync(file)).digest('base64')}`;

// Every file the builds write, so the last build can remove the rest.
const written = new Set();
const recordWrites = () => ({
  name: 'consent-gate:record-writes',
  writeBundle(options, bundle) {
    const dir = options.dir ?? path.dirname(options.file);
    for (const fileName of Object.keys(bundle)) written.add(path.resolve(dir, fileName));
  },
});

/**
 * Replaces `module` (a bundle-integrity.ts) with the hashes of the bundles just built: export name
 * → file in dist/. The gate's and the UI bundle's.
 */
const bundleIntegrity = (module, hashes) => ({
  name: 'consent-gate:bundle-integrity',
  load(id) {
    if (id !== path.resolve(module)) return null;
    return Object.entries(hashes)
      .map(([name, file]) => `export const ${name} = ${JSON.stringify(sri(`${DIST}/${file}`, 'sha256'))};`)
      .join('\n');
  },
});

/**
 * A bundle that hands modules to the bundles it loads, so they use its copies instead of carrying
 * their own (one copy per page, one module state): `take()` goes in each taker's build (the
 * `modules` stay external, read from what the giver put on globalThis under `key`), `give()` in
 * the giver's, which is built after them: it replaces `placeholder` (a shared.ts exporting
 * `SHARED` and `SHARED_KEY`) with exactly the exports the takers import. With `exclusive`, the
 * build fails when a module is in the giver and in a taker (then it belongs in `modules`).
 * `packages` (Lit, tslib) are handed over the same way.
 */
function sharing({ key, modules, placeholder, packages = /^$/, exclusive = false }) {
  const isPackage = (source) => packages.test(source);
  /** What the takers import from the giver (module name → export names), and what they hold. */
  const takerImports = new Map();
  const takerModules = new Map();
  // A module goes by its index in `modules` (short: the giver's table is in every page view's bytes).
  const slot = (name) => (modules.includes(name) ? modules.indexOf(name) : JSON.stringify(name));
  return {
    globals: (name) => `globalThis[Symbol.for(${JSON.stringify(key)})][${slot(name)}]`,
    take: () => ({
      name: `consent-gate:take-from-${key}`,
      async resolveId(source, importer, options) {
        if (isPackage(source)) return { id: source, external: true };
        if (!importer) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        const name = resolved && path.relative('.', resolved.id).split(path.sep).join('/');
        return modules.includes(name) ? { id: name, external: true } : null;
      },
      generateBundle(options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          for (const [name, bindings] of Object.entries(chunk.importedBindings)) {
            if (bindings.includes('*')) this.error(`${chunk.fileName} imports all of ${name}: import names, so only those are handed over`);
            const names = takerImports.get(name) ?? new Set();
            for (const binding of bindings) names.add(binding);
            takerImports.set(name, names);
          }
          for (const id of Object.keys(chunk.modules)) takerModules.set(id, path.basename(options.file));
        }
      },
    }),
    give: () => ({
      name: `consent-gate:give-${key}`,
      load(id) {
        if (id !== path.resolve(placeholder)) return null;
        const imports = [];
        const entries = [];
        [...takerImports].forEach(([name, bindings], i) => {
          const names = [...bindings].sort();
          const from = isPackage(name) ? name : path.resolve(name);
          imports.push(`import { ${names.map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from ${JSON.stringify(from)};`);
          entries.push(`${slot(name)}: { ${names.map((n, j) => `${n}: m${i}_${j}`).join(', ')} }`);
        });
        return `${imports.join('\n')}\nexport const SHARED = { ${entries.join(', ')} };\nexport const SHARED_KEY = Symbol.for(${JSON.stringify(key)});`;
      },
      generateBundle(options, bundle) {
        if (!exclusive) return;
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          for (const id of Object.keys(chunk.modules)) {
            const taker = takerModules.get(id);
            if (taker && !id.startsWith('\0')) this.error(`${path.relative('.', id)} is in ${path.basename(options.file)} and in ${taker}: add it to the modules handed over`);
          }
        }
      },
    }),
  };
}

// The UI is in four script-tag bundles. consent-gate-core.min.js holds the banner (drawn without
// Lit) and its English; the UI bundles it loads (Welsh; the embed; the other elements and the
// dialog's questions) take these modules from it (src/ui/shared.ts): one string lookup, one
// stylesheet cache, one banner per page. Lit (and tslib, for its decorators) is in the elements
// bundle only.
const uiSharing = sharing({
  key: 'consent-gate.ui',
  placeholder: 'src/ui/shared.ts',
  exclusive: true,
  modules: [
    'src/i18n/strings.ts',
    'src/ui/category-title.ts',
    'src/ui/consent-banner/consent-banner.ts',
    'src/ui/consent-banner/consent-banner.styles.ts',
    'src/ui/document-styles.ts',
    'src/ui/dom.ts',
    'src/ui/running-controller.ts',
    'src/catalogue/types.ts',
    'src/bundle-keys.ts',
  ],
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

    const files = ['consent-gate.min.js', 'consent-gate-core.min.js', 'consent-gate-ui-cy.min.js', 'consent-gate-ui-elements.min.js', 'consent-gate-ui-embed.min.js', 'consent-gate-debug.min.js', 'consent-gate-errors.min.js'];
    const lines = files.map((name) => {
      const file = `${DIST}/${name}`;
      return `  ${file.padEnd(40)} ${String(statSync(file).size).padStart(6)} B  integrity="${sri(file)}"`;
    });
    console.log(`\nSubresource Integrity (SRI) hashes of the script-tag files:\n${lines.join('\n')}\n`);
  },
});

const iife = (input, file, { mangleProperties, plugins = [], strict = true, eager = false }) => ({
  input,
  treeshake: { moduleSideEffects }, // scripts/define-only.js
  output: { file, format: 'iife', sourcemap: true, strict },
  plugins: [...plugins, nodeResolve({ browser: true }), ts(false), templateLiterals(), minify(mangleProperties, eager), recordWrites()],
});

/** A UI bundle the core loads: the shared modules come from consent-gate-core.min.js. */
const uiBundle = (input, file, { eager = false } = {}) => {
  const build = iife(input, file, { mangleProperties: false, plugins: [uiSharing.take()], eager });
  build.output.globals = uiSharing.globals;
  return build;
};

export default [
  uiBundle('src/i18n/add-cy.ts', `${DIST}/consent-gate-ui-cy.min.js`),
  uiBundle('src/ui/script-tag-embed.ts', `${DIST}/consent-gate-ui-embed.min.js`, { eager: true }),
  uiBundle('src/ui/script-tag-elements.ts', `${DIST}/consent-gate-ui-elements.min.js`),
  iife('src/debug-tag.ts', `${DIST}/consent-gate-debug.min.js`, { mangleProperties: true }),
  iife('src/errors-tag.ts', `${DIST}/consent-gate-errors.min.js`, { mangleProperties: true }),
  // The core works on objects of the gate's (its activator): public members only. It carries its
  // own copies of the modules it shares with the gate: handing them over (as it does to the UI
  // bundles) was measured at +126 B on the gate, every page view, for -590 B here. Its `_private`
  // names are mangled (it has no Lit, whose decorators register properties by name): the bundles
  // it loads use public members of its objects only.
  iife('src/script-tag-core.ts', `${DIST}/consent-gate-core.min.js`, {
    mangleProperties: true,
    eager: true,
    plugins: [
      uiSharing.give(),
      bundleIntegrity('src/ui/bundle-integrity.ts', {
        CY_INTEGRITY: 'consent-gate-ui-cy.min.js',
        ELEMENTS_INTEGRITY: 'consent-gate-ui-elements.min.js',
        EMBED_INTEGRITY: 'consent-gate-ui-embed.min.js',
      }),
      bundleIntegrity('src/bundle-integrity.ts', {
        DEBUG_INTEGRITY: 'consent-gate-debug.min.js',
        ERRORS_INTEGRITY: 'consent-gate-errors.min.js',
      }),
    ],
  }),
  // The every-view file goes without "use strict" (11 B brotli): it is our own code only, written
  // as module code (no sloppy-mode `this`, no undeclared names, no writes to read-only properties).
  iife('src/script-tag.ts', `${DIST}/consent-gate.min.js`, {
    mangleProperties: true,
    eager: true,
    strict: false,
    plugins: [bundleIntegrity('src/bundle-integrity.ts', { CORE_INTEGRITY: 'consent-gate-core.min.js' })],
  }),
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
