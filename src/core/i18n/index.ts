// The message catalogue in French, Dutch and English, for the server and the browser app alike.

export { acceptedLocale, canonicalTimeZone, DEFAULT_LOCALE, isLocale, localeOf, LOCALES, type Locale } from "./locale.js";
export { isMessageKey, MESSAGES, type MessageKey, type MessageTree } from "./catalogue.js";
export { translate, translator, type MessageValues, type Translate } from "./translate.js";
export { fieldLabel, issueMessage, issueText, type FieldIssue } from "./fieldErrors.js";
