import { expect } from '@open-wc/testing';
import Cookies from 'js-cookie';
import { parseCatalogue } from '../../src/catalogue/validate.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { clearRecord, readCookie, readRecord, writeRecord } from '../../src/consent/store.js';
import type { ConsentRecord } from '../../src/consent/record.js';

/** A catalogue whose consent cookie has `name`: the validator allows RFC 6265 token characters. */
function catalogueNamed(name: string): Catalogue {
  const result = parseCatalogue({
    site: 'Store Test School',
    revision: 1,
    cookie: { name },
    categories: { essential: { required: true }, analytics: { services: ['site-search'] } },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.catalogue;
}

const record = (): ConsentRecord => ({
  version: 1,
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  timestamp: new Date().toISOString(),
  revision: 1,
  method: 'api',
  categories: { analytics: true },
  services: {},
  fingerprint: 'abc123',
});

// The consent cookie is written with js-cookie but read and cleared with document.cookie: both
// sides must agree on how names and values are encoded, or a choice could not be withdrawn.
describe('the consent cookie', () => {
  for (const name of ['cookie_preferences', 'cg+prefs', 'cg#prefs', 'cg|prefs', 'cg%prefs', "cg'prefs.v2"]) {
    it(`reads back and deletes a choice stored in "${name}"`, () => {
      const catalogue = catalogueNamed(name);
      writeRecord(catalogue, record());
      expect(Cookies.get(name), 'js-cookie wrote it').to.be.a('string');
      const stored = readRecord(catalogue, 'abc123');
      expect(stored?.categories).to.deep.equal({ analytics: true });
      expect(stored?.fingerprint, 'sealed for this fingerprint').to.equal('abc123');
      expect(readRecord(catalogue, 'xyz789')?.fingerprint, 'not sealed for another').to.equal(undefined);
      clearRecord(catalogue);
      expect(readCookie(name)).to.equal(undefined);
      expect(document.cookie.includes(encodeURIComponent(name))).to.equal(false);
      expect(readRecord(catalogue)).to.equal(undefined);
    });
  }
});
