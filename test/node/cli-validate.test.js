// `consent-gate validate`: the built command, run as a user runs it. It must report exactly what
// the library's validator (src/catalogue/validate.ts) reports — the gate and the command are one
// validator — with paths, and exit 1 on errors.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runCli } from '../support/cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = (kind) =>
  readdirSync(join(root, 'test/fixtures/catalogues', kind))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join('test/fixtures/catalogues', kind, f));

let parseCatalogue;
let dir;
before(async () => {
  const { outputFiles } = await build({
    entryPoints: [join(root, 'src/catalogue/validate.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  ({ parseCatalogue } = await import(
    `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`
  ));
  dir = mkdtempSync(join(tmpdir(), 'cg-validate-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const write = (name, value) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value == 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};

describe('consent-gate validate', () => {
  it('reports, for every catalogue of the corpus, exactly the problems the library finds', async () => {
    const files = [...corpus('valid'), ...corpus('invalid')];
    assert.ok(files.length > 20);
    const { code, stdout } = await runCli(['validate', '--json', ...files], { cwd: root });
    assert.equal(code, 1, 'some catalogues are invalid');
    const outcomes = JSON.parse(stdout);
    assert.equal(outcomes.length, files.length);
    for (const [i, file] of files.entries()) {
      const library = parseCatalogue(readFileSync(join(root, file), 'utf8'));
      assert.equal(outcomes[i].file, file);
      assert.equal(outcomes[i].valid, library.ok, file);
      assert.deepEqual(outcomes[i].problems, library.problems, file);
    }
  });

  it('says a valid catalogue is valid and what it declares, with exit status 0', async () => {
    const file = 'test/fixtures/cli/oakfield.json';
    const { code, stdout, stderr } = await runCli(['validate', file], { cwd: root });
    assert.equal(code, 0, stderr);
    assert.equal(stdout, `${file}: valid — 5 categories, 7 services, 31 cookies declared\n`);
  });

  it('lists every problem as "path: message" and exits 1', async () => {
    const file = write('typos.json', {
      site: 'Oakfield Primary School',
      revision: 1,
      policyUrl: 'javascript:alert(1)',
      categories: { essential: { required: true }, embeds: { services: ['youtube', 'vimeo'] } },
      services: {
        youtube: { preset: 'youtube', cookies: [{ name: 'YSC' }, { name: 'PREF' }, { name: 42 }] },
      },
    });
    const { code, stdout } = await runCli(['validate', file]);
    assert.equal(code, 1);
    assert.equal(
      stdout.trim(),
      [
        `${file}: 3 problems`,
        '  policyUrl: javascript: URLs are not allowed; expected an https: URL or a path starting with /',
        '  services.youtube.cookies[2].name: expected a string',
        '  categories.embeds.services[1]: no service named "vimeo" in services',
      ].join('\n'),
    );
  });

  it('reports a JSON syntax error at $ and exits 1; a missing file exits 2', async () => {
    const broken = await runCli(['validate', write('broken.json', '{ "site": "x", ')]);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /^ {2}\$: not valid JSON: /m);
    const missing = await runCli(['validate', join(dir, 'nope.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*nope\.json: ENOENT/);
  });

  it('warns, without failing, about gaps the privacy notice would show', async () => {
    const file = write('gaps.json', {
      site: 'Oakfield Primary School',
      revision: 1,
      categories: { essential: { required: true }, functional: {}, apps: { services: ['parent-app'] } },
      services: {
        'parent-app': { title: 'Parent app', provider: 'Example Ltd', cookies: [{ name: 'pa_session' }] },
      },
    });
    const { code, stdout } = await runCli(['validate', file]);
    assert.equal(code, 0);
    assert.match(stdout, /^ {2}warning: policyUrl: neither policyUrl nor cookiesPageUrl is set/m);
    assert.match(stdout, /^ {2}warning: categories\.functional\.services: no services/m);
    assert.match(stdout, /^ {2}warning: services\.parent-app\.cookies\[0\]\.purpose: missing/m);
    assert.match(stdout, /^ {2}warning: services\.parent-app\.cookies\[0\]\.expires: missing/m);
  });

  it('exits 2 with a hint on a usage mistake', async () => {
    const none = await runCli(['validate']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /name a catalogue file/);
    const unknown = await runCli(['valdiate', 'cookies.json']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "valdiate"/);
    const flag = await runCli(['validate', '--jsno', 'x.json']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /--jsno/);
    const other = await runCli(['validate', '--pages', '3', 'x.json']);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /validate has no --pages option/);
  });
});
