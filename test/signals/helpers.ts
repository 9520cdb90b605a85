// Shared by the signal tests: a controller configured from a catalogue, each test with its own
// consent cookie so tests in one page never read each other's choices.
import { parseCatalogue } from '../../src/catalogue/validate.js';
import { ConsentController } from '../../src/consent/controller.js';

let counter = 0;

/** A unique consent-cookie name; the cookie is deleted first. */
export function freshCookie(): string {
  const name = `signals_test_${Date.now().toString(36)}_${counter++}`;
  document.cookie = `${name}=; max-age=0; path=/`;
  return name;
}

/** A catalogue input with essential, analytics (GA), a statistics exception and embeds. */
export function schoolCatalogue(cookie: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    site: 'Test School',
    revision: 1,
    cookie: { name: cookie },
    categories: {
      essential: { required: true },
      analytics: { services: ['google-analytics'] },
      statistics: { basis: 'statistical-exception', services: ['site-search'] },
      embeds: { services: ['youtube'] },
    },
    services: {
      'google-analytics': { preset: 'google-analytics', measurementId: 'G-TEST1' },
      'site-search': { preset: 'site-search' },
      youtube: { preset: 'youtube' },
    },
    ...extra,
  };
}

/** A controller configured with `input` (throws on an invalid catalogue). */
export function controllerFor(input: unknown): ConsentController {
  const result = parseCatalogue(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const controller = new ConsentController();
  controller.configure(result.catalogue);
  return controller;
}

/** Makes the browser send Global Privacy Control until the returned function is called. */
export function sendGlobalPrivacyControl(): () => void {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
  return () => {
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  };
}

/** Whether `value` is an `arguments` object (what gtag.js reads from the dataLayer). */
export const isArguments = (value: unknown) => Object.prototype.toString.call(value) === '[object Arguments]';
