// The one message catalogue, shared by the server and the browser app: one JSON file per
// language and namespace under locales/, flattened to `namespace.path.to.message` keys. The app's
// words are `app.json` with one `app.<area>.json` per large area of screens beside it.

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
import enAppRouting from "./locales/en/app.routing.json" with { type: "json" };
import enRouting from "./locales/en/routing.json" with { type: "json" };
import enAppOncall from "./locales/en/app.oncall.json" with { type: "json" };
import enOncall from "./locales/en/oncall.json" with { type: "json" };
import enAppEscalation from "./locales/en/app.escalation.json" with { type: "json" };
import enEscalation from "./locales/en/escalation.json" with { type: "json" };
import enMail from "./locales/en/mail.json" with { type: "json" };
import enAppMail from "./locales/en/app.mail.json" with { type: "json" };
import enWidget from "./locales/en/widget.json" with { type: "json" };
import enAppSelfcare from "./locales/en/app.selfcare.json" with { type: "json" };
import enKb from "./locales/en/kb.json" with { type: "json" };
import enAppKb from "./locales/en/app.kb.json" with { type: "json" };
import enImap from "./locales/en/imap.json" with { type: "json" };
import enAppMailboxes from "./locales/en/app.mailboxes.json" with { type: "json" };
import frAppRouting from "./locales/fr/app.routing.json" with { type: "json" };
import frRouting from "./locales/fr/routing.json" with { type: "json" };
import frAppOncall from "./locales/fr/app.oncall.json" with { type: "json" };
import frOncall from "./locales/fr/oncall.json" with { type: "json" };
import frAppEscalation from "./locales/fr/app.escalation.json" with { type: "json" };
import frEscalation from "./locales/fr/escalation.json" with { type: "json" };
import frMail from "./locales/fr/mail.json" with { type: "json" };
import frAppMail from "./locales/fr/app.mail.json" with { type: "json" };
import frWidget from "./locales/fr/widget.json" with { type: "json" };
import frAppSelfcare from "./locales/fr/app.selfcare.json" with { type: "json" };
import frKb from "./locales/fr/kb.json" with { type: "json" };
import frAppKb from "./locales/fr/app.kb.json" with { type: "json" };
import frImap from "./locales/fr/imap.json" with { type: "json" };
import frAppMailboxes from "./locales/fr/app.mailboxes.json" with { type: "json" };
import nlAppRouting from "./locales/nl/app.routing.json" with { type: "json" };
import nlRouting from "./locales/nl/routing.json" with { type: "json" };
import nlAppOncall from "./locales/nl/app.oncall.json" with { type: "json" };
import nlOncall from "./locales/nl/oncall.json" with { type: "json" };
import nlAppEscalation from "./locales/nl/app.escalation.json" with { type: "json" };
import nlEscalation from "./locales/nl/escalation.json" with { type: "json" };
import nlMail from "./locales/nl/mail.json" with { type: "json" };
import nlAppMail from "./locales/nl/app.mail.json" with { type: "json" };
import nlWidget from "./locales/nl/widget.json" with { type: "json" };
import nlAppSelfcare from "./locales/nl/app.selfcare.json" with { type: "json" };
import nlKb from "./locales/nl/kb.json" with { type: "json" };
import nlAppKb from "./locales/nl/app.kb.json" with { type: "json" };
import nlImap from "./locales/nl/imap.json" with { type: "json" };
import nlAppMailboxes from "./locales/nl/app.mailboxes.json" with { type: "json" };
import enSocial from "./locales/en/social.json" with { type: "json" };
import enAppSocial from "./locales/en/app.social.json" with { type: "json" };
import enPhone from "./locales/en/phone.json" with { type: "json" };
import enAppPhone from "./locales/en/app.phone.json" with { type: "json" };
import frSocial from "./locales/fr/social.json" with { type: "json" };
import frAppSocial from "./locales/fr/app.social.json" with { type: "json" };
import frPhone from "./locales/fr/phone.json" with { type: "json" };
import frAppPhone from "./locales/fr/app.phone.json" with { type: "json" };
import nlSocial from "./locales/nl/social.json" with { type: "json" };
import nlAppSocial from "./locales/nl/app.social.json" with { type: "json" };
import nlPhone from "./locales/nl/phone.json" with { type: "json" };
import nlAppPhone from "./locales/nl/app.phone.json" with { type: "json" };
import enProcedure from "./locales/en/procedure.json" with { type: "json" };
import enAppProcedure from "./locales/en/app.procedure.json" with { type: "json" };
import frProcedure from "./locales/fr/procedure.json" with { type: "json" };
import frAppProcedure from "./locales/fr/app.procedure.json" with { type: "json" };
import nlProcedure from "./locales/nl/procedure.json" with { type: "json" };
import nlAppProcedure from "./locales/nl/app.procedure.json" with { type: "json" };
import type { Locale } from "./locale.js";

/** A namespace's messages as written in its JSON file: nested objects with ICU strings as leaves. */
export interface MessageTree {
  [name: string]: string | MessageTree;
}

/** English is the reference: its shape gives the keys every language must have. */
const english = {
  app: {
    ...enApp,
    ...enAppRouting,
    ...enAppOncall,
    ...enAppEscalation,
    ...enAppMail,
    ...enAppSelfcare,
    ...enAppKb,
    ...enAppMailboxes,
    ...enAppSocial,
    ...enAppPhone,
    ...enAppProcedure,
  },
  errors: enErrors,
  events: enEvents,
  notify: enNotify,
  ticket: enTicket,
  triage: enTriage,
  routing: enRouting,
  oncall: enOncall,
  escalation: enEscalation,
  mail: enMail,
  widget: enWidget,
  kb: enKb,
  imap: enImap,
  social: enSocial,
  phone: enPhone,
  procedure: enProcedure,
};

/** Each language's namespaces as written; French and Dutch are checked against English by a test. */
const trees: Record<Locale, Record<keyof typeof english, MessageTree>> = {
  en: english,
  fr: {
    app: {
      ...frApp,
      ...frAppRouting,
      ...frAppOncall,
      ...frAppEscalation,
      ...frAppMail,
      ...frAppSelfcare,
      ...frAppKb,
      ...frAppMailboxes,
      ...frAppSocial,
      ...frAppPhone,
      ...frAppProcedure,
    },
    errors: frErrors,
    events: frEvents,
    notify: frNotify,
    ticket: frTicket,
    triage: frTriage,
    routing: frRouting,
    oncall: frOncall,
    escalation: frEscalation,
    mail: frMail,
    widget: frWidget,
    kb: frKb,
    imap: frImap,
    social: frSocial,
    phone: frPhone,
    procedure: frProcedure,
  },
  nl: {
    app: {
      ...nlApp,
      ...nlAppRouting,
      ...nlAppOncall,
      ...nlAppEscalation,
      ...nlAppMail,
      ...nlAppSelfcare,
      ...nlAppKb,
      ...nlAppMailboxes,
      ...nlAppSocial,
      ...nlAppPhone,
      ...nlAppProcedure,
    },
    errors: nlErrors,
    events: nlEvents,
    notify: nlNotify,
    ticket: nlTicket,
    triage: nlTriage,
    routing: nlRouting,
    oncall: nlOncall,
    escalation: nlEscalation,
    mail: nlMail,
    widget: nlWidget,
    kb: nlKb,
    imap: nlImap,
    social: nlSocial,
    phone: nlPhone,
    procedure: nlProcedure,
  },
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
