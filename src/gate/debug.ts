/**
 * The debug aid, for whoever wires consent-gate into a site: with `?consent-debug` in the page's
 * URL (or `debug: true`, or `data-debug` on the script tag) the console shows every decision,
 * every gated script and iframe with whether it may run, what each cookie sweep deleted, and any
 * cookie in `document.cookie` that the catalogue does not declare (so the notice misses it and a
 * refusal cannot delete it).
 *
 * It is never part of the gate bundle: the script-tag build fetches `consent-gate-debug.min.js`
 * and the npm build imports this module dynamically, only when debugging was asked for. The gate
 * reports to it through `GateOptions.trace`; what the gate did before this module arrived is
 * buffered and replayed.
 */
import { cookieMatcher } from '../catalogue/match.js';
import type { ConsentController } from '../consent/controller.js';
import { visibleCookieNames } from './sweep.js';

/** What the gate reports: a gated element it considered, or a cookie sweep it ran. */
export type GateTraceEvent =
  | [what: 'element', element: Element, allowed: boolean]
  | [what: 'sweep', deleted: string[], reason: 'load' | 'withdrawal'];
export type GateTrace = (...event: GateTraceEvent) => void;

const PREFIX = 'consent-gate debug:';
/** How often `document.cookie` is re-read for cookies set by scripts (debug only). */
const COOKIE_POLL_MS = 1000;
/** The cookie the sweep sets for an instant to find the registrable domain (see sweep.ts). */
const SWEEP_PROBE = 'consent_gate_probe';

/** `<script data-consent="analytics" src="…">` or `<iframe data-consent="embeds" data-src="…">`. */
function describe(element: Element): string {
  const name = element.getAttribute('data-consent');
  const src = element.getAttribute('src') ?? element.getAttribute('data-src');
  const tag = element.localName;
  if (src) return `<${tag} data-consent="${name}" ${tag === 'iframe' ? 'data-src' : 'src'}="${src}">`;
  const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ');
  return `<${tag} data-consent="${name}"> ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`;
}

/**
 * Starts logging for `controller`, replays what the gate reported before, and returns the trace
 * function the gate should call from now on.
 */
export function startDebug(controller: ConsentController, earlier: readonly GateTraceEvent[] = []): GateTrace {
  const catalogue = controller.catalogue;
  if (!catalogue) return () => {};
  const allowedBefore = new WeakMap<Element, boolean>();

  const trace: GateTrace = (...event) => {
    if (event[0] === 'element') {
      const [, element, allowed] = event;
      // The gate reconsiders every waiting element after each decision; say only what changed.
      if (allowedBefore.get(element) === allowed) return;
      allowedBefore.set(element, allowed);
      const name = element.getAttribute('data-consent');
      console.info(
        `${PREFIX} ${allowed ? 'runs' : `blocked until "${name}" is allowed`}: ${describe(element)}`,
        element,
      );
    } else {
      const [, deleted, reason] = event;
      const when = reason === 'load' ? 'on page load (refused categories)' : 'after a withdrawal';
      if (deleted.length) console.info(`${PREFIX} cookie sweep ${when} deleted: ${deleted.join(', ')}`);
      else if (reason === 'withdrawal') console.info(`${PREFIX} cookie sweep ${when}: nothing to delete`);
    }
  };

  const record = controller.record;
  console.info(
    `${PREFIX} "${catalogue.site}" catalogue revision ${catalogue.revision}; categories: ${catalogue.categories
      .map((c) => `${c.name}${c.required ? ' (essential)' : ''}`)
      .join(', ')}.`,
  );
  console.info(
    record
      ? `${PREFIX} stored choice (${record.method}, ${record.timestamp}):`
      : `${PREFIX} no stored choice: nothing non-essential runs until the visitor chooses.`,
    ...(record ? [{ categories: record.categories, services: record.services }] : []),
  );
  for (const event of earlier) trace(...event);

  controller.subscribe(({ record: now, changed }) => {
    console.info(
      `${PREFIX} decision (${now?.method ?? 'reset'}): ${
        now
          ? Object.entries(now.categories).map(([name, granted]) => `${name} ${granted ? 'granted' : 'refused'}`).join(', ')
          : 'choice forgotten'
      }; changed: ${changed.length ? changed.join(', ') : 'nothing'}.`,
      now,
    );
  });

  // Undeclared cookies: anything the page can see that no service declares.
  const declared = cookieMatcher(Object.values(catalogue.services).flatMap((s) => s.cookies));
  const own = catalogue.cookie.name;
  const reported = new Set<string>();
  let seen = '';
  const checkCookies = () => {
    if (document.cookie === seen) return;
    seen = document.cookie;
    for (const name of visibleCookieNames()) {
      if (name === own || name === SWEEP_PROBE || reported.has(name) || declared(name)) continue;
      reported.add(name);
      console.warn(
        `${PREFIX} cookie "${name}" is set but not declared in the cookie catalogue: declare it under the service that sets it, so the cookie table lists it and a refusal deletes it.`,
      );
    }
  };
  checkCookies();
  setInterval(checkCookies, COOKIE_POLL_MS);

  return trace;
}
