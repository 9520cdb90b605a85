/**
 * The decisions that change the visitor's choice: Accept all, Reject all, an update, Global
 * Privacy Control. Each is proposed to the page (`consent-before-change`: a listener may veto or
 * defer it), then stored (the consent cookie, `store.ts`) and put in force (`ConsentState.commit`).
 * Kept apart from `ConsentState` because a page view that decides nothing never needs them: the
 * script tag's core puts them in force with the validated catalogue (`src/upgrade.ts`), on the
 * first decision or when its UI is first wanted.
 */
import type { ConsentState } from './controller.js';
import { ConsentBeforeChangeEvent } from './before-change-event.js';
import type { ConsentMethod, ConsentRecord } from './record.js';
import { writeRecord } from './store.js';

/** Version-4 UUID: `crypto.randomUUID` exists only in secure contexts; school sites may be http. */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Proposes a decision to the page, then stores it and tells everyone; resolves to whether it was applied. */
function decide(
  state: ConsentState,
  categories: Record<string, boolean>,
  services: Record<string, boolean>,
  method: ConsentMethod,
): Promise<boolean> {
  const catalogue = state.catalogue;
  if (!catalogue) return Promise.resolve(false);
  const previous = state.record;
  const record: ConsentRecord = {
    version: 1,
    id: previous?.id ?? randomId(),
    timestamp: new Date().toISOString(),
    revision: catalogue.revision,
    method,
    categories,
    services,
    ...(state.fingerprint ? { fingerprint: state.fingerprint } : {}),
  };
  const event = new ConsentBeforeChangeEvent(record, previous, state.changes(previous, record), method);
  document.dispatchEvent(event);
  if (event.defaultPrevented) return Promise.resolve(false);
  const apply = () => {
    writeRecord(catalogue, record);
    state.commit(record, method, true, false);
    return true;
  };
  if (!event.deferred.length) return Promise.resolve(apply());
  return Promise.all(event.deferred).then(
    (answers) => !answers.includes(false) && apply(),
    () => false,
  );
}

export const decisions = {
  acceptAll(state: ConsentState, method: ConsentMethod): Promise<boolean> {
    const exceptions = state.exceptionCategories;
    return decide(
      state,
      Object.fromEntries(state.optionalCategories.map((c) => [c, exceptions.includes(c) ? state.allows(c) : true])),
      {},
      method,
    );
  },

  rejectAll(state: ConsentState, method: ConsentMethod): Promise<boolean> {
    return decide(state, Object.fromEntries(state.optionalCategories.map((c) => [c, false])), {}, method);
  },

  update(state: ConsentState, choices: Record<string, boolean>, method: ConsentMethod): Promise<boolean> {
    const catalogue = state.catalogue!;
    const optional = state.optionalCategories;
    const categories = state.answers();
    const services: Record<string, boolean> = { ...state.record?.services };
    let known = 0;
    for (const [name, granted] of Object.entries(choices)) {
      const service = state.service(name);
      if (optional.includes(name)) {
        categories[name] = granted === true;
        for (const s of catalogue.categories.find((c) => c.name === name)!.services) {
          if (!(s.name in choices)) delete services[s.name];
        }
        known++;
      } else if (service && optional.includes(service.category)) {
        services[name] = granted === true;
        known++;
      } else {
        console.error(`consent-gate: update() ignored "${name}": not an optional category or service in the catalogue.`);
      }
    }
    return known ? decide(state, categories, services, method) : Promise.resolve(false);
  },

  /** Refuses every category the visitor has not answered (`ConsentState` checks there is one). */
  applyGlobalPrivacyControl(state: ConsentState): Promise<boolean> {
    const record = state.record;
    const unanswered = state.optionalCategories.filter((c) => !record || !(c in record.categories));
    const categories = { ...state.answers(), ...Object.fromEntries(unanswered.map((c) => [c, false])) };
    return decide(state, categories, { ...record?.services }, 'gpc');
  },
};

export type Decisions = typeof decisions;
