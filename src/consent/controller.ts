/**
 * The consent controller: the one place that holds the visitor's choice for this page and
 * changes it. Elements render it and call its methods; the gate (`src/gate/`) subscribes to it.
 * It never renders anything and never imports Lit.
 *
 * Two halves: `ConsentState` reads the choice and answers `allows()` (every page view needs it);
 * the decisions that change it live in `decisions.ts`. `ConsentController` has both built in
 * (the npm package); the script tag's core (`script-tag-core.ts`) runs a `ConsentState` and
 * adds the decisions with the validated catalogue when the visitor, the UI or the page first
 * makes one (`upgrade.ts`).
 */
import { STATISTICAL_EXCEPTION, type Catalogue, type Category, type Service } from '../catalogue/types.js';
import { decisions, type Decisions } from './decisions.js';
import { ConsentChangeEvent } from './events.js';
import { globalPrivacyControl } from './gpc.js';
import type { ConsentMethod, ConsentRecord } from './record.js';
import { clearRecord, readRecord } from './store.js';

/** What a listener is told after every decision. */
export interface ConsentChange {
  /** The record now in force (undefined after `reset()`). */
  record: ConsentRecord | undefined;
  /** Categories and services whose grant changed. */
  changed: readonly string[];
  method: ConsentMethod | 'reset';
  /** True when the decision was made in another tab and read back from the cookie. */
  remote: boolean;
}

/** Called after every decision (here or, read back, in another tab). */
export type ConsentListener = (change: ConsentChange) => void;


export class ConsentState {
  private _catalogue?: Catalogue;
  private _record?: ConsentRecord;
  private _listeners = new Set<ConsentListener>();
  /** Pending `whenGranted` checks, re-run when the catalogue arrives. */
  private _waiting = new Set<() => void>();
  private _unknownLogged = new Set<string>();
  /** Set by the host (script tag or npm entry): shows the UI; `view` says what was asked for. */
  showUI?: (view: 'banner' | 'preferences') => void;
  /** The decision-making half, once present (built in, or fetched through `loadDecisions`). */
  decisions?: Decisions;
  /** Fetches `decisions` on first use (the script tag sets it). */
  loadDecisions?: () => Promise<Decisions | undefined>;
  /**
   * Fingerprint of the catalogue text in force (`catalogueFingerprint`), stored with each
   * decision; set by the script tag, which reads the catalogue as text, before `configure`.
   */
  fingerprint?: string;

  /** The validated catalogue, once `configure` succeeded. */
  get catalogue(): Catalogue | undefined {
    return this._catalogue;
  }

  /** The choice in force, or undefined when the visitor has not chosen (or it could not be read). */
  get record(): ConsentRecord | undefined {
    return this._record;
  }

  /**
   * Loads the catalogue and reads the stored choice, or takes `inForce`: the choice the script
   * tag's first file already runs the page's gate from (its `refresh()` then applies any change
   * made since). Called again (the script tag swaps in the validated catalogue for the short
   * path's), it re-reads the choice as `refresh()` does, so a change made meanwhile in another tab or
   * subdomain is applied, not just adopted.
   */
  configure(catalogue: Catalogue, inForce?: ConsentRecord): void {
    const first = !this._catalogue;
    this._catalogue = catalogue;
    if (!first) return this.refresh();
    this._record = inForce ?? readRecord(catalogue, this.fingerprint);
    // `whenGranted` callers that asked before the catalogue was known (the script tag validates
    // a catalogue it has not seen before asynchronously) get their answer now.
    for (const check of [...this._waiting]) check();
  }

  /** Re-reads the consent cookie (another tab may have changed it); notifies when it differs. */
  refresh(): void {
    if (!this._catalogue) return;
    const before = this._record;
    const after = readRecord(this._catalogue, this.fingerprint);
    // A record that differs only in its catalogue fingerprint is the same choice: adopt it quietly.
    const choice = (r?: ConsentRecord) => JSON.stringify(r && { ...r, fingerprint: undefined });
    if (choice(before) === choice(after)) {
      this._record = after;
      return;
    }
    this.commit(after, after?.method ?? 'reset', false, true);
  }

  /** True when the browser sends Global Privacy Control (`navigator.globalPrivacyControl`). */
  get gpc(): boolean {
    return globalPrivacyControl();
  }

  /**
   * Whether the visitor still has a question to answer, so the banner should ask: no choice
   * stored, a category left unanswered (an objection made before answering), or a refusal that
   * came from Global Privacy Control rather than from the visitor (unless the catalogue says
   * `"gpc": "silent"` and the browser still sends the signal).
   */
  get awaitingChoice(): boolean {
    const record = this._record;
    if (!this._catalogue) return false;
    if (!record || this.optionalCategories.some((c) => !(c in record.categories))) return true;
    return record.method === 'gpc' && (this._catalogue.gpc !== 'silent' || !this.gpc);
  }

  /**
   * Applies Global Privacy Control: when the browser sends it and the visitor has not answered,
   * every unanswered category is refused (exception categories objected to), with method `gpc`.
   * An explicit choice already stored is left alone; a later explicit choice replaces this one.
   */
  applyGlobalPrivacyControl(): Promise<boolean> {
    const record = this._record;
    if (!this.gpc || this.optionalCategories.every((c) => record && c in record.categories)) return Promise.resolve(false);
    return this._decide((d) => d.applyGlobalPrivacyControl(this));
  }

  subscribe(listener: ConsentListener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Non-essential category names (consent and statistical-exception ones), in catalogue order. */
  get optionalCategories(): string[] {
    return (this._catalogue?.categories ?? []).filter((c) => !c.required).map((c) => c.name);
  }

  /**
   * Categories with `"basis": "statistical-exception"`: they run before a choice, until the
   * visitor objects (`update({ [name]: false })`, Reject, or Global Privacy Control).
   * `allows(name)` says whether one is running; false means objected to.
   */
  get exceptionCategories(): string[] {
    return (this._catalogue?.categories ?? []).filter((c) => c.basis === STATISTICAL_EXCEPTION).map((c) => c.name);
  }

  /** The current record's answers, for the categories the catalogue still declares. */
  answers(): Record<string, boolean> {
    const answered = this._record?.categories ?? {};
    return Object.fromEntries(this.optionalCategories.filter((c) => c in answered).map((c) => [c, answered[c]]));
  }

  /** Whether `record` lets a category (or one of its services) run. */
  private _grants(record: ConsentRecord | undefined, category: Category, service?: string): boolean {
    if (category.required) return true;
    if (service && record && service in record.services) return record.services[service];
    const answer = record?.categories[category.name];
    // The statistical exception runs until objected to; Global Privacy Control is an objection.
    if (category.basis === STATISTICAL_EXCEPTION) return answer ?? !this.gpc;
    return answer === true;
  }

  /** Every optional category's and service's grant under `record`. */
  private _grantMap(record: ConsentRecord | undefined): Map<string, boolean> {
    const grants = new Map<string, boolean>();
    for (const category of this._catalogue?.categories ?? []) {
      if (category.required) continue;
      grants.set(category.name, this._grants(record, category));
      for (const s of category.services) grants.set(s.name, this._grants(record, category, s.name));
    }
    return grants;
  }

  /** Categories and services whose grant differs between two records. */
  changes(before: ConsentRecord | undefined, after: ConsentRecord | undefined): string[] {
    const was = this._grantMap(before);
    return [...this._grantMap(after)].filter(([name, granted]) => was.get(name) !== granted).map(([name]) => name);
  }

  /** The catalogue's service of that name (own entries only). */
  service(name: string): Service | undefined {
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
    const service = category ? undefined : this.service(name);
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
    const owner = category ?? catalogue.categories.find((c) => c.name === service!.category)!;
    return this._grants(this._record, owner, service?.name);
  }

  /** Resolves once `name` is allowed (at once if it already is). */
  whenGranted(name: string): Promise<void> {
    if (this.allows(name)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!this.allows(name)) return;
        stop();
        this._waiting.delete(check);
        resolve();
      };
      const stop = this.subscribe(check);
      this._waiting.add(check);
    });
  }

  /**
   * Grants every consent category. A statistical-exception category the visitor objected to stays
   * off: only turning it back on (`update({ [name]: true })`) lifts an objection.
   * Like every decision, resolves to whether it was applied (see `consent-before-change`); when no
   * listener defers it and the decisions are loaded, it is applied before this returns.
   */
  acceptAll(method: ConsentMethod = 'api'): Promise<boolean> {
    return this._decide((d) => d.acceptAll(this, method));
  }

  /** Refuses every optional category; a refusal is also an objection to exception categories. */
  rejectAll(method: ConsentMethod = 'api'): Promise<boolean> {
    return this._decide((d) => d.rejectAll(this, method));
  }

  /**
   * Changes some choices, keeping the rest (categories not answered yet stay unanswered):
   * `update({ analytics: true })`, or per service `update({ youtube: true })`. For a
   * statistical-exception category, `false` is an objection and `true` lifts it. A category named
   * here drops earlier per-service exceptions in it unless they are named too. Unknown names are
   * reported and ignored (nothing is granted); with no known name nothing is decided.
   */
  update(choices: Record<string, boolean>, method: ConsentMethod = 'api'): Promise<boolean> {
    return this._decide((d) => d.update(this, choices, method));
  }

  /** Runs a decision with the decision-making half, fetching it first when it is not here yet. */
  private _decide(run: (decisions: Decisions) => Promise<boolean>): Promise<boolean> {
    if (this.decisions && this._catalogue) return run(this.decisions);
    // The script tag: fetch the decisions (and, while the catalogue is being validated, wait).
    const load = this.loadDecisions?.();
    if (!load) return Promise.resolve(false);
    return load.then((loaded) => (loaded && this._catalogue ? run(loaded) : false), () => false);
  }

  /** Forgets the choice (deletes the consent cookie); the visitor is asked again. */
  reset(): void {
    if (this._catalogue) clearRecord(this._catalogue);
    this.commit(undefined, 'reset', true, false);
  }

  /** Shows the consent choices again (the preferences, or the banner where there are none). */
  open(): void {
    this.showUI?.('preferences');
  }

  /**
   * Puts a record in force and tells every listener (and the page, with `consent-change`).
   * Only the decisions (`decisions.ts`), `refresh` and `reset` call it: it stores nothing.
   */
  commit(
    record: ConsentRecord | undefined,
    method: ConsentMethod | 'reset',
    announce: boolean,
    remote: boolean,
  ): void {
    const changed = this.changes(this._record, record);
    this._record = record;
    for (const listener of [...this._listeners]) {
      try {
        listener({ record, changed, method, remote });
      } catch (error) {
        console.error('consent-gate: a consent listener failed', error);
      }
    }
    if (announce || changed.length) {
      const event = new ConsentChangeEvent(record, changed, method, remote);
      document.dispatchEvent(event);
    }
  }
}

/** The consent state with its decisions built in: what the npm package runs. */
export class ConsentController extends ConsentState {
  override decisions?: Decisions = decisions;
}

/** The key under which the running controller is shared between separately loaded bundles. */
export const CONTROLLER_KEY = Symbol.for('consent-gate.controller');

/** The controller the page runs (set by `runConsentGate` in src/run.ts: a `ConsentController`, or the script tag's `ConsentState`), for the lazily loaded UI bundle. */
export function runningController(): ConsentController | undefined {
  return (globalThis as { [CONTROLLER_KEY]?: ConsentController })[CONTROLLER_KEY];
}
