// Shared by the element tests of the embed, the cookie table and the cookies page: a controller
// configured as the page's running one (what startConsentGate does), with its own consent cookie
// so tests never read each other's choices, and the embeds' reserved space.
import { parseCatalogue } from '../../src/catalogue/validate.js';
import { CONTROLLER_KEY, ConsentController } from '../../src/consent/controller.js';
import { reserveEmbedSpace } from '../../src/gate/embed-space.js';

let counter = 0;

/** The school's catalogue: essential, analytics, embeds (YouTube, Facebook, X), polls (Slido). */
export function school(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    site: 'Test School',
    revision: 1,
    cookiesPageUrl: '/cookies',
    categories: {
      essential: { required: true },
      analytics: { services: ['google-analytics'] },
      embeds: { services: ['youtube', 'facebook', 'twitter'] },
      polls: { title: { en: 'Polls', cy: 'Polau' }, services: ['slido'] },
    },
    services: {
      'google-analytics': { preset: 'google-analytics', measurementId: 'G-TEST1' },
      youtube: { preset: 'youtube' },
      facebook: { preset: 'facebook' },
      twitter: { preset: 'twitter' },
      slido: { preset: 'slido' },
    },
    ...extra,
  };
}

/** Starts a controller on `input` as the page's running one, with a fresh consent cookie. */
export function run(input: Record<string, unknown> = school()): ConsentController {
  const cookie = `ui_test_${Date.now().toString(36)}_${counter++}`;
  const result = parseCatalogue({ ...input, cookie: { name: cookie } });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const controller = new ConsentController();
  controller.configure(result.catalogue);
  (globalThis as Record<symbol, unknown>)[CONTROLLER_KEY] = controller;
  reserveEmbedSpace(result.catalogue);
  return controller;
}

/** Forgets the running controller (after each test). */
export function stop(): void {
  delete (globalThis as Record<symbol, unknown>)[CONTROLLER_KEY];
}

/** The button in `scope` whose text is `name`. */
export const button = (scope: Element, name: string) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent!.trim() === name) as HTMLButtonElement | undefined;

/** Runs `action` and returns what it logged with console.error. */
export async function consoleErrors(action: () => Promise<unknown>): Promise<string> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  try {
    await action();
  } finally {
    console.error = original;
  }
  return errors.join('\n');
}
