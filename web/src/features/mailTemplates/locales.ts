import { type Locale, locales } from '../../../../common/roles.js';

/** The languages a template has a text in, in the order of the tabs (日本語, English). */
export const mailTemplateLocales: readonly Locale[] = locales;
