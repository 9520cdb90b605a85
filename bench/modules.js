// `npm run bench:modules [entry]`: where a script-tag bundle's bytes are. Builds the entry
// (default src/script-tag.ts, the gate every page view loads) and prints each module's share,
// minified on its own and brotli-compressed on its own (the parts add up to more than the whole,
// which compresses better together). A guide for cutting bytes; the sizes that count are the
// built files' (test/node/size.test.js, `npm run bench`).
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { minify } from 'terser';
import { brotliCompressSync } from 'node:zlib';
import path from 'node:path';
import { moduleSideEffects } from '../scripts/define-only.js';
import { templateLiterals } from '../scripts/template-literals.js';

const entry = process.argv[2] ?? 'src/script-tag.ts';
const terser = (code, toplevel) =>
  minify(code, { ecma: 2021, module: toplevel, compress: { passes: 2, pure_getters: true }, mangle: true });

const bundle = await rollup({
  input: entry,
  plugins: [nodeResolve({ browser: true }), typescript({ tsconfig: './tsconfig.build.json', outDir: undefined, declarationDir: undefined, declaration: false }), templateLiterals()],
  treeshake: { moduleSideEffects }, // as the script-tag builds do
  onwarn() {},
});
const { output } = await bundle.generate({ format: 'es' });
const rows = [];
for (const [id, module] of Object.entries(output[0].modules)) {
  if (!module.code) continue;
  const { code = '' } = await terser(module.code, false);
  rows.push({ module: path.relative(process.cwd(), id), minified: code.length, brotli: brotliCompressSync(code).length });
}
rows.sort((a, b) => b.minified - a.minified);
const whole = (await terser(output[0].code, true)).code ?? '';
console.log(`| module | minified B | brotli B (alone) |\n|---|---:|---:|`);
for (const r of rows) console.log(`| ${r.module} | ${r.minified} | ${r.brotli} |`);
console.log(`| **${entry}, whole** | **${whole.length}** | **${brotliCompressSync(whole).length}** |`);
