/**
 * How categories are named: by the banner's first layer and by the questions of the second
 * (`category-choices.ts`), which the script tag fetches only when the preferences open.
 */
import { STATISTICAL_EXCEPTION as EXCEPTION, type Category } from '../catalogue/types.js';
import { localise, type Locale, type StringKey, type Translate } from '../i18n/strings.js';

/** Categories with built-in texts (title, description, question, banner purpose). */
export const KNOWN = ['essential', 'analytics', 'embeds', 'functional', 'marketing'];
export { EXCEPTION };

/** A category's title: the catalogue's, else the built-in one, else its name. */
export function categoryTitle(category: Category, ctx: { locale: Locale; t: Translate }): string {
  if (category.title) return localise(category.title, ctx.locale);
  return KNOWN.includes(category.name) ? ctx.t(`category.${category.name}.title` as StringKey) : category.name;
}
