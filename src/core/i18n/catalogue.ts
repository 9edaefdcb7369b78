// The one message catalogue, shared by the server and the browser app: one JSON file per
// language and namespace under locales/, flattened to `namespace.path.to.message` keys.

import enApp from "./locales/en/app.json" with { type: "json" };
import enErrors from "./locales/en/errors.json" with { type: "json" };
import enEvents from "./locales/en/events.json" with { type: "json" };
import enNotify from "./locales/en/notify.json" with { type: "json" };
import enTicket from "./locales/en/ticket.json" with { type: "json" };
import enTriage from "./locales/en/triage.json" with { type: "json" };
import frApp from "./locales/fr/app.json" with { type: "json" };
import frErrors from "./locales/fr/errors.json" with { type: "json" };
import frEvents from "./locales/fr/events.json" with { type: "json" };
import frNotify from "./locales/fr/notify.json" with { type: "json" };
import frTicket from "./locales/fr/ticket.json" with { type: "json" };
import frTriage from "./locales/fr/triage.json" with { type: "json" };
import nlApp from "./locales/nl/app.json" with { type: "json" };
import nlErrors from "./locales/nl/errors.json" with { type: "json" };
import nlEvents from "./locales/nl/events.json" with { type: "json" };
import nlNotify from "./locales/nl/notify.json" with { type: "json" };
import nlTicket from "./locales/nl/ticket.json" with { type: "json" };
import nlTriage from "./locales/nl/triage.json" with { type: "json" };
import type { Locale } from "./locale.js";

/** A namespace's messages as written in its JSON file: nested objects with ICU strings as leaves. */
export interface MessageTree {
  [name: string]: string | MessageTree;
}

/** English is the reference: its shape gives the keys every language must have. */
const english = { app: enApp, errors: enErrors, events: enEvents, notify: enNotify, ticket: enTicket, triage: enTriage };

/** Each language's namespaces as written; French and Dutch are checked against English by a test. */
const trees: Record<Locale, Record<keyof typeof english, MessageTree>> = {
  en: english,
  fr: { app: frApp, errors: frErrors, events: frEvents, notify: frNotify, ticket: frTicket, triage: frTriage },
  nl: { app: nlApp, errors: nlErrors, events: nlEvents, notify: nlNotify, ticket: nlTicket, triage: nlTriage },
};

/** The dotted paths to the string leaves of a nested message tree. */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

/** Every message key, such as `ticket.status.open`; checked at compile time against English. */
export type MessageKey = Leaves<typeof english>;

function flatten(tree: MessageTree, prefix: string, into: Map<string, string>): Map<string, string> {
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === "string") into.set(key, value);
    else flatten(value, key, into);
  }
  return into;
}

/** Each language's messages by key, flattened once at load. */
export const MESSAGES: Record<Locale, ReadonlyMap<string, string>> = {
  en: flatten(trees.en, "", new Map()),
  fr: flatten(trees.fr, "", new Map()),
  nl: flatten(trees.nl, "", new Map()),
};

/** Whether `key` is a message; for keys built from data, such as `ticket.status.${status}`. */
export function isMessageKey(key: string): key is MessageKey {
  return MESSAGES.en.has(key);
}
