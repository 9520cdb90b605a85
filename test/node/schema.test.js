// catalogue.schema.json is what editors and CMS plug-ins check a catalogue against; the validator
// in src/catalogue is what the gate checks it against. These tests keep them telling one story:
// (a) the schema's objects have exactly the properties (and required ones) of the TypeScript
// input types, and (b) on a corpus of catalogues the schema and the validator agree.
// Run with `node --test test/node/`.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { build } from 'esbuild';
import Ajv2020 from 'ajv/dist/2020.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(root + path, 'utf8');
const schema = JSON.parse(read('catalogue.schema.json'));

/** Interfaces and type aliases of src/catalogue/types.ts, read with the compiler API. */
function readTypes() {
  const file = ts.createSourceFile(
    'types.ts',
    read('src/catalogue/types.ts'),
    ts.ScriptTarget.Latest,
    true,
  );
  const interfaces = new Map();
  const aliases = new Map();
  for (const node of file.statements) {
    if (ts.isInterfaceDeclaration(node)) {
      const members = node.members.filter(ts.isPropertySignature).map((m) => ({
        name: m.name.getText(file).replace(/^['"]|['"]$/g, ''),
        optional: Boolean(m.questionToken),
      }));
      interfaces.set(node.name.text, members);
    } else if (ts.isTypeAliasDeclaration(node)) {
      aliases.set(node.name.text, node.type);
    }
  }
  return { interfaces, aliases };
}

/** String members of a union of string literals (`'a' | 'b'`). */
const literals = (type) =>
  ts.isUnionTypeNode(type)
    ? type.types.flatMap(literals)
    : ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)
      ? [type.literal.text]
      : [];

const types = readTypes();

describe('catalogue.schema.json matches src/catalogue/types.ts', () => {
  const objects = {
    CatalogueInput: schema,
    CategoryInput: schema.$defs.category,
    ServiceInput: schema.$defs.service,
    CookieDeclaration: schema.$defs.cookie,
    ConsentCookieOptions: schema.$defs.consentCookie,
    ConsentModeOptions: schema.$defs.consentMode,
    ReceiptsOptions: schema.$defs.receipts,
  };
  for (const [name, object] of Object.entries(objects)) {
    test(`${name}: same properties, same required ones`, () => {
      const members = types.interfaces.get(name);
      assert.ok(members, `interface ${name} not found`);
      const sorted = (list) => [...list].sort();
      assert.deepEqual(sorted(Object.keys(object.properties)), sorted(members.map((m) => m.name)));
      assert.deepEqual(
        sorted(object.required ?? []),
        sorted(members.filter((m) => !m.optional).map((m) => m.name)),
      );
      assert.equal(object.additionalProperties, false, 'unknown keys must be refused');
    });
  }

  test('every property has a title and a description (editor autocompletion)', () => {
    for (const object of Object.values(objects))
      for (const [key, property] of Object.entries(object.properties)) {
        assert.ok(property.title, `${key} has no title`);
        assert.ok(property.description, `${key} has no description`);
      }
  });

  test('preset enum = PresetName; basis enum = CategoryBasis; party enum = CookieDeclaration.party', () => {
    assert.deepEqual(
      schema.$defs.service.properties.preset.enum,
      literals(types.aliases.get('PresetName')),
    );
    assert.deepEqual(
      schema.$defs.category.properties.basis.enum,
      literals(types.aliases.get('CategoryBasis')),
    );
    assert.deepEqual(schema.$defs.cookie.properties.party.enum, ['first', 'third']);
  });

  test('Consent Mode types = ConsentModeKey; gpc enum = GpcMode', () => {
    assert.deepEqual(
      schema.$defs.consentMode.properties.categories.additionalProperties.items.enum,
      literals(types.aliases.get('ConsentModeKey')),
    );
    assert.deepEqual(schema.properties.gpc.enum, literals(types.aliases.get('GpcMode')));
  });
});

// Each invalid fixture must fail for the reason its name gives, not by accident: the validator's
// first problem, as `path: message`.
const expectedProblem = {
  'acknowledgement-too-short':
    'services.ga.statisticalExceptionAcknowledgement: expected a sentence (20 characters or more) saying the provider uses the data only to give you statistics',
  'consent-mode-not-boolean': 'consentMode: expected true, false or an object of settings',
  'consent-mode-unknown-type':
    'consentMode.categories.analytics[0]: expected one of ad_storage, ad_user_data, ad_personalization, analytics_storage, functionality_storage, personalization_storage',
  'gpc-unknown-mode': 'gpc: expected "banner" or "silent"',
  'receipts-cross-site':
    'receipts.url: expected a path on this site such as /consent-receipts: receipts are never sent to another site',
  'receipts-protocol-relative':
    'receipts.url: expected a path on this site such as /consent-receipts: receipts are never sent to another site',
  'bad-category-name':
    'categories["Bad name!"]: expected a name of letters, digits, - and _ (at most 64, not starting with - or _)',
  'bad-cookie-name':
    "services.app.cookies[0].name: expected a cookie name: letters, digits and !#$%&'+-.^_`|~ (* is a wildcard)",
  'bad-lang-tag': 'categories.essential.title.english: expected a language tag such as en or cy',
  'bad-measurement-id': 'services.ga.measurementId: expected a GA4 measurement ID such as G-ABC123',
  'bad-party': 'services.app.cookies[0].party: expected "first" or "third"',
  'cookie-days-too-long': 'cookie.days: expected a whole number of days from 1 to 730',
  'custom-service-missing-provider':
    'services.app.provider: is required for a service without a preset',
  'empty-localised-text':
    'categories.essential.title: expected text, or an object of language → text such as {"en": "…", "cy": "…"}',
  'host-with-scheme': 'services.videos.hosts[0]: expected a bare hostname such as www.example.com',
  'javascript-url':
    'policyUrl: javascript: URLs are not allowed; expected an https: URL or a path starting with /',
  'missing-site': 'site: is required',
  'no-categories': 'categories: expected at least one category',
  'proto-key': '__proto__: unknown key',
  'protocol-relative-url':
    'services.videos.privacyUrl: expected an https: URL or a path starting with /',
  'revision-string': 'revision: expected a positive integer',
  'revision-zero': 'revision: expected a positive integer',
  'root-array': '$: expected an object',
  'texts-not-string': 'texts.cy["banner.heading"]: expected a string',
  'unknown-cookie-key': 'services.app.cookies[0].expiry: unknown key (did you mean "expires"?)',
  'unknown-preset': 'services.videos.preset: unknown preset "yotube" (did you mean "youtube"?)',
  'unknown-root-key': 'polciyUrl: unknown key (did you mean "policyUrl"?)',
};

describe('the schema and the validator agree on test/fixtures/catalogues', () => {
  let parseCatalogue;
  let formatProblems;
  const ajv = new Ajv2020({ allErrors: true });
  const validateSchema = ajv.compile(schema);

  before(async () => {
    // The validator is TypeScript: bundle it the way the gate build does, then import it.
    const { outputFiles } = await build({
      entryPoints: [root + 'src/catalogue/validate.ts'],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    const source = Buffer.from(outputFiles[0].text).toString('base64');
    ({ parseCatalogue, formatProblems } = await import(`data:text/javascript;base64,${source}`));
  });

  const fixtures = (kind) =>
    readdirSync(`${root}test/fixtures/catalogues/${kind}`)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ name: f.slice(0, -5), text: read(`test/fixtures/catalogues/${kind}/${f}`) }));

  const valid = fixtures('valid');
  const invalid = fixtures('invalid');

  test('the corpus is big enough to mean something', () => {
    assert.ok(valid.length >= 5, `${valid.length} valid fixtures`);
    assert.ok(invalid.length >= 12, `${invalid.length} invalid fixtures`);
    assert.deepEqual(invalid.map((f) => f.name).sort(), Object.keys(expectedProblem).sort());
  });

  for (const { name, text } of valid) {
    test(`valid/${name}: passes the schema and the validator`, () => {
      const ok = validateSchema(JSON.parse(text));
      assert.ok(ok, ajv.errorsText(validateSchema.errors));
      const result = parseCatalogue(text);
      assert.ok(result.ok, result.ok || formatProblems(result.problems));
    });
  }

  for (const { name, text } of invalid) {
    test(`invalid/${name}: fails the schema and the validator`, () => {
      assert.equal(validateSchema(JSON.parse(text)), false, 'the schema accepted it');
      const result = parseCatalogue(text);
      assert.equal(result.ok, false, 'the validator accepted it');
      assert.equal(formatProblems(result.problems.slice(0, 1)), expectedProblem[name]);
    });
  }

  test('a __proto__ key pollutes nothing', () => {
    parseCatalogue(read('test/fixtures/catalogues/invalid/proto-key.json'));
    parseCatalogue(
      '{"site":"s","revision":1,"categories":{"a":{}},"texts":{"cy":{"__proto__":{"polluted":true}}}}',
    );
    assert.equal({}.polluted, undefined);
    assert.equal(Object.prototype.polluted, undefined);
  });
});
