/**
 * The consent cookie: the only place consent-gate writes its own cookie. Reads distrust what
 * they find (see `decodeRecord`); a bad or stale value means "no choice yet", logged once.
 */
import Cookies from 'js-cookie';
import { decodeRecord, encodeRecord, type ConsentRecord, type DecodeContext } from './record.js';
import type { Catalogue } from '../catalogue/types.js';

export class ConsentStore {
  private _logged = false;

  constructor(private readonly _catalogue: Catalogue) {}

  private get _context(): DecodeContext {
    const { revision, cookie, categories } = this._catalogue;
    return {
      revision,
      days: cookie.days,
      categories: categories.filter((c) => !c.required).map((c) => c.name),
    };
  }

  /** The stored choice, or undefined when there is none that may be used. Never throws. */
  read(): ConsentRecord | undefined {
    let raw: string | undefined;
    try {
      raw = Cookies.get(this._catalogue.cookie.name);
    } catch {
      raw = undefined;
    }
    const result = decodeRecord(raw, this._context);
    if (result.ok) return result.record;
    if (result.reason !== 'missing' && !this._logged) {
      this._logged = true;
      console.warn(
        `consent-gate: ignoring the stored choice in cookie "${this._catalogue.cookie.name}" (${result.reason}${
          result.detail ? `: ${result.detail}` : ''
        }); the visitor will be asked again.`,
      );
    }
    return undefined;
  }

  write(record: ConsentRecord): void {
    const { name, days, domain } = this._catalogue.cookie;
    Cookies.set(name, encodeRecord(record), {
      expires: days,
      path: '/',
      sameSite: 'Lax',
      secure: location.protocol === 'https:',
      ...(domain ? { domain } : {}),
    });
  }

  clear(): void {
    const { name, domain } = this._catalogue.cookie;
    Cookies.remove(name, { path: '/', ...(domain ? { domain } : {}) });
  }
}
