/**
 * The Yes/No questions of the second layer, one per optional category (and one per service of a
 * category that has several), with each category's services and cookies in a disclosure. Shared
 * by the preferences dialog (`<consent-banner>`, drawn here: `renderDialog`) and the cookies page
 * (`<consent-preferences>`),
 * so both ask the same questions in the same words and store the answers the same way. Styled by
 * `category-choices.styles.ts`, over the banner's base stylesheet, in both elements. The script-tag
 * build carries it in `consent-gate-ui-elements.min.js`, which the banner fetches when its
 * preferences first open (see `provideCategoryChoices`).
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { Catalogue, Category, Service } from '../catalogue/types.js';
import type { ConsentController } from '../consent/controller.js';
import { localise, localiseExpiry, type Locale, type StringKey, type Translate } from '../i18n/strings.js';
import { categoryTitle, EXCEPTION, KNOWN } from './category-title.js';

/** What the questions are rendered from. */
export interface ChoiceContext {
  catalogue: Catalogue;
  controller: ConsentController;
  locale: Locale;
  t: Translate;
}

/**
 * Whether each service of `category` gets a question of its own (a parent may allow YouTube but
 * not Facebook): in a consent category with more than one service.
 */
const askPerService = (category: Category) =>
  !category.required && category.basis !== EXCEPTION && category.services.length > 1;

const serviceField = (service: Service) => `cg-service:${service.name}`;

/** `<h2>`, `<h3>` or `<h4>`: Lit cannot bind a tag name. */
function heading(level: number, className: string, content: unknown): TemplateResult {
  if (level <= 2) return html`<h2 class=${className}>${content}</h2>`;
  if (level === 3) return html`<h3 class=${className}>${content}</h3>`;
  return html`<h4 class=${className}>${content}</h4>`;
}

function yesNo(name: string, on: boolean, t: Translate, category?: string): TemplateResult {
  return html`<div class="cg-radios">
    <label class="cg-radio" part="radio"
      ><input type="radio" name=${name} value="yes" data-category=${category ?? nothing} .checked=${on} />${t('preferences.yes')}</label
    >
    <label class="cg-radio" part="radio"
      ><input type="radio" name=${name} value="no" data-category=${category ?? nothing} .checked=${!on} />${t('preferences.no')}</label
    >
  </div>`;
}

/**
 * One category: its heading (`level`: 2 on a page, 3 in the dialog), description, services and
 * cookies, and its question; essential categories say "Always on" instead (text, not a control).
 */
export function renderCategory(category: Category, ctx: ChoiceContext, level = 3): TemplateResult {
  const { t, controller } = ctx;
  const known = KNOWN.includes(category.name);
  const title = categoryTitle(category, ctx);
  const description = category.description
    ? localise(category.description, ctx.locale)
    : known
      ? t(`category.${category.name}.description` as StringKey)
      : '';
  const head = html`
    ${heading(level, 'cg-subheading', title)}
    ${description ? html`<p class="cg-text">${description}</p>` : nothing}
  `;
  if (category.required) {
    return html`<div class="cg-category" part="category">
      ${head}
      <p class="cg-always-on">${t('preferences.alwaysOn')}</p>
      ${renderServices(category, ctx, level + 1)}
    </div>`;
  }
  const exception = category.basis === EXCEPTION;
  const question = exception
    ? t('preferences.exceptionQuestion', { title })
    : category.name !== 'essential' && known
      ? t(`category.${category.name}.question` as StringKey)
      : t('preferences.question', { title });
  // No on first view; afterwards what is in force (an exception category runs until objected
  // to). A category with one service shows what that service may do, exceptions included.
  const only = category.services.length === 1 ? category.services[0].name : category.name;
  const on = controller.allows(only);
  // The services' own answers follow a change of the category's: what the radios show is what
  // Save stores.
  const follow = askPerService(category)
    ? (event: Event) => {
        const input = event.target as HTMLInputElement;
        input.form
          ?.querySelectorAll<HTMLInputElement>(`input[data-category="${category.name}"][value="${input.value}"]`)
          .forEach((radio) => (radio.checked = true));
      }
    : undefined;
  return html`<div class="cg-category" part="category">
    ${head}
    ${exception && !category.description ? html`<p class="cg-text">${t('preferences.exception')}</p>` : nothing}
    ${renderServices(category, ctx, level + 1)}
    <fieldset class="cg-fieldset" part="fieldset" @change=${follow}>
      <legend class="cg-legend">${question}</legend>
      ${yesNo(`cg-${category.name}`, on, t)}
    </fieldset>
  </div>`;
}

function renderServices(category: Category, ctx: ChoiceContext, level: number): TemplateResult | typeof nothing {
  const { t, locale, controller } = ctx;
  const services = category.services;
  if (!services.length) return nothing;
  const perService = askPerService(category);
  // Open when a service's answer differs from its category's, so the visitor sees it.
  const open = perService && services.some((s) => controller.allows(s.name) !== controller.allows(category.name));
  return html`<details class="cg-details" part="details" ?open=${open}>
    <summary class="cg-summary">${t('preferences.details')}</summary>
    ${services.map((service) => {
      const provider = service.provider;
      const name = localise(service.title, locale);
      return html`<div class="cg-service">
        ${heading(level, 'cg-service-title', name)}
        <p>${localise(service.description, locale)} ${t('preferences.setBy', { provider })}</p>
        ${service.privacyUrl
          ? html`<p>
              <a class="cg-link" part="link" href=${service.privacyUrl} target="_blank" rel="noopener noreferrer"
                >${t('preferences.privacy', { provider })} ${t('preferences.newTab')}</a
              >
            </p>`
          : nothing}
        ${perService
          ? html`<fieldset class="cg-fieldset cg-service-question" part="fieldset">
              <legend class="cg-legend">${t('preferences.serviceQuestion', { service: name })}</legend>
              ${yesNo(serviceField(service), controller.allows(service.name), t, category.name)}
            </fieldset>`
          : nothing}
        ${service.cookies.length
          ? html`<table class="cg-table" part="table">
              <thead>
                <tr>
                  <th scope="col">${t('cookies.name')}</th>
                  <th scope="col">${t('cookies.purpose')}</th>
                  <th scope="col">${t('cookies.expires')}</th>
                </tr>
              </thead>
              <tbody>
                ${service.cookies.map(
                  (cookie) => html`<tr>
                    <td>${cookie.name}</td>
                    <td>${localise(cookie.purpose, locale)}</td>
                    <td>${localiseExpiry(cookie.expires, locale)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : nothing}
      </div>`;
    })}
  </details>`;
}

/**
 * The choices a form of category questions says, for `controller.update(…)`: every optional
 * category as its radio says, and a service only where its own answer differs from its category's
 * (an exception). A category named replaces the earlier exceptions in it, so what the radios show
 * is exactly what is stored.
 */
export function choicesFromForm(form: HTMLFormElement, catalogue: Catalogue): Record<string, boolean> {
  const data = new FormData(form);
  const choices: Record<string, boolean> = {};
  for (const category of catalogue.categories) {
    if (category.required) continue;
    const yes = data.get(`cg-${category.name}`) === 'yes';
    choices[category.name] = yes;
    for (const service of category.services) {
      const answer = data.get(serviceField(service));
      if (answer && (answer === 'yes') !== yes) choices[service.name] = answer === 'yes';
    }
  }
  return choices;
}

/** What the banner's preferences dialog is drawn from: its questions' context and its handlers. */
export interface DialogView extends ChoiceContext {
  /** The dialog's form was submitted (Save). */
  save(event: Event): void;
  accept(): void;
  reject(): void;
  /** The Close button. */
  close(): void;
  /** Escape was pressed (the `cancel` event): the dialog is about to close. */
  cancel(): void;
  /** The dialog closed, by a button or by Escape. */
  closed(): void;
  keydown(event: KeyboardEvent): void;
}

/**
 * Draws `<consent-banner>`'s preferences dialog into the banner (after its bar), or, without a
 * `view`, removes it. Here rather than in the banner, so the banner's first layer needs no Lit: the
 * script tag fetches this module when the dialog first opens.
 */
export function renderDialog(banner: HTMLElement, view?: DialogView): void {
  render(view ? dialog(view) : nothing, banner);
}

function dialog(view: DialogView): TemplateResult {
  const { catalogue, t } = view;
  return html`
    <dialog
      class="cg-dialog"
      part="dialog"
      aria-labelledby="cg-preferences-heading"
      lang=${view.locale}
      @cancel=${view.cancel}
      @close=${view.closed}
      @keydown=${view.keydown}
    >
      <form class="cg-form" @submit=${view.save}>
        <div class="cg-dialog-header">
          <h2 class="cg-heading" part="heading" id="cg-preferences-heading" tabindex="-1">${t('preferences.heading')}</h2>
          <button type="button" class="cg-button cg-secondary" part="button close" @click=${view.close}>
            ${t('preferences.close')}
          </button>
        </div>
        <p class="cg-text">${t('preferences.intro')}</p>
        ${catalogue.categories.map((category) => renderCategory(category, view))}
        <div class="cg-actions">
          <button type="submit" class="cg-button" part="button save">${t('preferences.save')}</button>
          <div class="cg-pair">
            <button type="button" class="cg-button" part="button accept" data-consent-action="accept" @click=${view.accept}>
              ${t('banner.accept')}
            </button>
            <button type="button" class="cg-button" part="button reject" data-consent-action="reject" @click=${view.reject}>
              ${t('banner.reject')}
            </button>
          </div>
        </div>
      </form>
    </dialog>
  `;
}
