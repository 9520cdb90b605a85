/**
 * Built-in presets: the services UK school sites embed most, with the cookie names, expiries,
 * hosts and privacy links their providers publish. A catalogue names a preset and overrides only
 * what differs (see `parseCatalogue`). Purposes are written for parents, GOV.UK style.
 *
 * In two parts, joined here for npm and the command line: the services (`preset-services.ts`:
 * titles, providers, hosts, cookie names), which the validator expands, and their texts
 * (`preset-texts.ts`), which the script tag's first visit does without.
 */
import { PRESET_SERVICES, type PresetService } from './preset-services.js';
import { addTexts } from './preset-texts.js';
import type { PresetName } from './types.js';

export type { PresetService };

// Copies: the services' cookie lists are the gate's too (`preset-cookies.ts`).
export const PRESETS = Object.fromEntries(
  (Object.entries(PRESET_SERVICES) as [PresetName, PresetService][]).map(([name, service]) => [
    name,
    addTexts(name, { ...service, cookies: service.cookies.map((cookie) => ({ ...cookie })) }),
  ]),
) as Record<PresetName, PresetService>;
