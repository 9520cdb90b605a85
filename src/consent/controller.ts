/**
 * The consent controller: the one place that holds the visitor's choice for this page and
 * changes it. Elements render it and call its methods; the gate (`src/gate/`) subscribes to it.
 * It never renders anything and never imports Lit.
 */
import type { Catalogue, Service } from '../catalogue/types.js';
import { ConsentChangeEvent } from './events.js';
import type { ConsentMethod, ConsentRecord } from './record.js';
import { ConsentStore } from './store.js';

/** Called after every decision with the categories/services whose grant changed. */
export type ConsentListener = (change: { record: ConsentRecord | undefined; changed: readonly string[] }) => void;

/** Version-4 UUID: `crypto.randomUUID` exists only in secure contexts; school sites may be http. */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class ConsentController {
  private _catalogue?: Catalogue;
  private _store?: ConsentStore;
  private _record?: ConsentRecord;
  private _listeners = new Set<ConsentListener>();
  private _unknownLogged = new Set<string>();
  /** Set by the host (script tag or npm entry): shows the UI; `view` says what was asked for. */
  showUI?: (view: 'banner' | 'preferences') => void;

  /** The validated catalogue, once `configure` succeeded. */
  get catalogue(): Catalogue | undefined {
    return this._catalogue;
  }

  /** The choice in force, or undefined when the visitor has not chosen (or it could not be read). */
  get record(): ConsentRecord | undefined {
    return this._record;
  }

  /** Loads the catalogue and reads the stored choice. */
  configure(catalogue: Catalogue): void {
    this._catalogue = catalogue;
    this._store = new ConsentStore(catalogue);
    this._record = this._store.read();
  }

  /** Re-reads the consent cookie (another tab may have changed it); notifies when it differs. */
  refresh(): void {
    if (!this._store) return;
    const before = this._record;
    const after = this._store.read();
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    this._commit(after, after?.method ?? 'reset', false);
  }

  subscribe(listener: ConsentListener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Non-essential category names, in catalogue order. */
  get optionalCategories(): string[] {
    return (this._catalogue?.categories ?? []).filter((c) => !c.required).map((c) => c.name);
  }

  private _service(name: string): Service | undefined {
    const services = this._catalogue?.services;
    return services && Object.prototype.hasOwnProperty.call(services, name) ? services[name] : undefined;
  }

  /**
   * Whether a category or a service may run now. Essential categories always may; anything else
   * only with a stored grant. Unknown names never may, and say so on the console once.
   */
  allows(name: string): boolean {
    const catalogue = this._catalogue;
    if (!catalogue) return false;
    const category = catalogue.categories.find((c) => c.name === name);
    const service = category ? undefined : this._service(name);
    if (!category && !service) {
      if (!this._unknownLogged.has(name)) {
        this._unknownLogged.add(name);
        console.error(
          `consent-gate: "${name}" is not a category or service in the cookie catalogue; anything gated on it stays blocked. Known: ${[
            ...catalogue.categories.map((c) => c.name),
            ...Object.keys(catalogue.services),
          ].join(', ')}.`,
        );
      }
      return false;
    }
    const categoryName = category ? category.name : service!.category;
    if (catalogue.categories.find((c) => c.name === categoryName)!.required) return true;
    const record = this._record;
    if (!record) return false;
    if (service && name in record.services) return record.services[name];
    return record.categories[categoryName] === true;
  }

  /** Resolves once `name` is allowed (at once if it already is). */
  whenGranted(name: string): Promise<void> {
    if (this.allows(name)) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.subscribe(() => {
        if (this.allows(name)) {
          stop();
          resolve();
        }
      });
    });
  }

  acceptAll(method: ConsentMethod = 'api'): void {
    this._decide(Object.fromEntries(this.optionalCategories.map((c) => [c, true])), {}, method);
  }

  rejectAll(method: ConsentMethod = 'api'): void {
    this._decide(Object.fromEntries(this.optionalCategories.map((c) => [c, false])), {}, method);
  }

  /**
   * Changes some choices, keeping the rest: `update({ analytics: true })`, or per service
   * `update({ youtube: true })`. A category named here drops earlier per-service exceptions in it
   * unless they are named too. Unknown names are reported and ignored (nothing is granted).
   */
  update(choices: Record<string, boolean>, method: ConsentMethod = 'api'): void {
    const catalogue = this._catalogue;
    if (!catalogue) return;
    const optional = this.optionalCategories;
    const categories: Record<string, boolean> = Object.fromEntries(
      optional.map((c) => [c, this._record?.categories[c] === true]),
    );
    const services: Record<string, boolean> = { ...this._record?.services };
    for (const [name, granted] of Object.entries(choices)) {
      if (optional.includes(name)) {
        categories[name] = granted === true;
        for (const s of catalogue.categories.find((c) => c.name === name)!.services) {
          if (!(s.name in choices)) delete services[s.name];
        }
      } else if (this._service(name) && optional.includes(this._service(name)!.category)) {
        services[name] = granted === true;
      } else {
        console.error(`consent-gate: update() ignored "${name}": not an optional category or service in the catalogue.`);
      }
    }
    this._decide(categories, services, method);
  }

  /** Forgets the choice (deletes the consent cookie); the visitor is asked again. */
  reset(): void {
    this._store?.clear();
    this._commit(undefined, 'reset', true);
  }

  /** Shows the consent choices again (the preferences, or the banner where there are none). */
  open(): void {
    this.showUI?.('preferences');
  }

  private _decide(categories: Record<string, boolean>, services: Record<string, boolean>, method: ConsentMethod): void {
    if (!this._catalogue || !this._store) return;
    const record: ConsentRecord = {
      version: 1,
      id: this._record?.id ?? randomId(),
      timestamp: new Date().toISOString(),
      revision: this._catalogue.revision,
      method,
      categories,
      services,
    };
    this._store.write(record);
    this._commit(record, method, true);
  }

  private _commit(record: ConsentRecord | undefined, method: ConsentMethod | 'reset', announce: boolean): void {
    const names = [...this.optionalCategories, ...Object.keys(this._catalogue?.services ?? {})];
    const before = new Map(names.map((n) => [n, this.allows(n)]));
    this._record = record;
    const changed = names.filter((n) => before.get(n) !== this.allows(n));
    for (const listener of [...this._listeners]) {
      try {
        listener({ record, changed });
      } catch (error) {
        console.error('consent-gate: a consent listener failed', error);
      }
    }
    if (announce || changed.length) {
      const event = new ConsentChangeEvent(record, changed, method);
      document.dispatchEvent(event);
    }
  }
}

/** The key under which the running controller is shared between separately loaded bundles. */
export const CONTROLLER_KEY = Symbol.for('consent-gate.controller');

/** The controller the page runs (set by `startConsentGate`), for the lazily loaded UI bundle. */
export function runningController(): ConsentController | undefined {
  return (globalThis as { [CONTROLLER_KEY]?: ConsentController })[CONTROLLER_KEY];
}
