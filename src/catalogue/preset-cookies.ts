/**
 * The presets' cookies that the site itself can delete (first party): the part of a preset the
 * gate needs on every page view to sweep refused cookies. Kept apart from the rest of the presets
 * (`preset-services.ts`, which uses these lists; `preset-texts.ts`, their purposes and expiries)
 * so the script tag's first file carries only names: a returning visitor's page never pays for
 * texts it does not show.
 */
import type { CookieDeclaration, PresetName } from './types.js';

const first = (name: string): CookieDeclaration => ({ name, party: 'first' });

/** GA4 (gtag.js). `_ga_*` becomes `_ga_<measurement id>` once the catalogue gives the id. */
export const GA_COOKIES = ['_ga', '_ga_*', '_gid', '_gat*'] as const;
/** Legacy ga.js: privacy notices still list these, some as `_utma` with one underscore. */
export const LEGACY_GA_COOKIES = ['__utma', '__utmb', '__utmc', '__utmz', '__utmv', '__utmt', '__utmx', '__utmxx'] as const;

/** Each preset's first-party cookies (a preset not listed sets only third-party ones). */
export const PRESET_COOKIES: Record<PresetName, CookieDeclaration[]> = {
  'google-analytics': [
    ...GA_COOKIES.map(first),
    // Deletion matches the one-underscore spelling too.
    ...LEGACY_GA_COOKIES.map((name) => ({ ...first(name), match: [name.slice(1)] })),
  ],
  youtube: [],
  // Set on this site by the Meta Pixel script, so the site can (and does) delete it.
  facebook: [first('_fbp')],
  twitter: [],
  slido: [],
  'site-search': [first('search_stats_id')],
};

/** The presets as the gate sees them before their texts are loaded: first-party cookies only. */
export const GATE_PRESETS: Record<PresetName, { cookies: CookieDeclaration[] }> = /* @__PURE__ */ Object.fromEntries(
  Object.entries(PRESET_COOKIES).map(([name, cookies]) => [name, { cookies }]),
) as Record<PresetName, { cookies: CookieDeclaration[] }>;
