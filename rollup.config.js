// Three builds:
//  - dist/consent-gate.min.js     script-tag gate (IIFE, no Lit), runs synchronously in <head>
//  - dist/consent-gate-ui.min.js  script-tag UI (IIFE, Lit + elements), loaded by the gate on demand
//  - dist/*.js + .d.ts            npm ESM (modules preserved; lit, js-cookie, tslib external)
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ts = (declarations) =>
  typescript({
    tsconfig: './tsconfig.build.json',
    noEmitOnError: true,
    declaration: declarations,
    ...(declarations ? { declarationDir: 'dist', outDir: 'dist' } : { outDir: undefined, declarationDir: undefined }),
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

const iife = (input, file, mangleProperties) => ({
  input,
  output: { file, format: 'iife', sourcemap: true },
  plugins: [nodeResolve({ browser: true }), ts(false), minify(mangleProperties)],
});

export default [
  iife('src/script-tag.ts', 'dist/consent-gate.min.js', true),
  iife('src/ui/define-all.ts', 'dist/consent-gate-ui.min.js', false),
  {
    input: ['src/index.ts', 'src/core.ts', 'src/ui/consent-banner/define.ts'],
    external: [/^lit(\/|$)/, 'js-cookie', 'tslib'],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
    plugins: [ts(true)],
  },
];
