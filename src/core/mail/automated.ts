// Whether a message was sent by a machine, and which kind: a delivery-status report (bounce),
// a message Palier itself sent coming back (loop), an auto-reply (out of office, "we received
// your message"), mailing-list or bulk mail. Automated mail is stored, never answered, and never
// reopens a ticket (docs/email.md). Pure: headers and text in, a verdict with its reason out.

import { fold } from "../text/fold.js";

export const AUTOMATED_KINDS = ["bounce", "loop", "auto_reply", "list", "bulk"] as const;
export type AutomatedKind = (typeof AUTOMATED_KINDS)[number];

/** Why a message counts as automated: its kind and the header or phrase that says so ("auto-submitted: auto-replied"). */
export interface Automated {
  kind: AutomatedKind;
  reason: string;
}

/** What the classification reads of a message. Header names in lower case, values as sent (unfolded). */
export interface AutomatedInput {
  headers: ReadonlyMap<string, readonly string[]>;
  /** The sender's address, lower case; null when the message has none. */
  from: string | null;
  subject: string;
  /** The body as the agent reads it. */
  text: string;
  /** Whether the message holds a `message/delivery-status` part (RFC 3464). */
  hasDeliveryStatus: boolean;
  /** The addresses Palier sends from: a message from one of them is Palier's own, come back. */
  ownAddresses?: readonly string[];
  /** The marker Palier puts in `X-Loop` on what it sends (its own address by default). */
  loopMarkers?: readonly string[];
}

const BOUNCE_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const BOUNCE_SUBJECTS = [
  "undelivered mail returned to sender",
  "delivery status notification failure",
  "returned mail",
  "mail delivery failed",
  "undeliverable",
  "delivery has failed",
  "non remis",
  "echec de la remise",
  "onbestelbaar",
  "niet bezorgd",
];

/** Subjects of out-of-office and acknowledgement replies, folded, matched at the start. */
const AUTO_REPLY_SUBJECTS = [
  "automatic reply",
  "auto reply",
  "autoreply",
  "out of office",
  "out of the office",
  "reponse automatique",
  "reponse en absence",
  "absence du bureau",
  "absent du bureau",
  "automatisch antwoord",
  "afwezig",
  "afwezigheidsbericht",
  "niet aanwezig",
  "abwesenheitsnotiz",
];

/** Phrases of an out-of-office body, folded; read only in the opening of a short body. */
const OUT_OF_OFFICE_PHRASES = [
  "i am out of the office",
  "i am out of office",
  "i m out of the office",
  "i m out of office",
  "i am currently out of the office",
  "i am currently away",
  "i am on annual leave",
  "i am on vacation",
  "i will be out of the office",
  "je suis absent",
  "je suis absente",
  "je serai absent",
  "je serai absente",
  "je suis actuellement absent",
  "je suis actuellement absente",
  "je suis en conge",
  "absent du bureau",
  "ik ben afwezig",
  "ik ben momenteel afwezig",
  "ik ben niet aanwezig",
  "ik ben met vakantie",
  "ik ben op vakantie",
  "ik ben met verlof",
];

/** How far into the body an out-of-office phrase is looked for, and the longest body read for one. */
const OPENING_CHARS = 400;
const SHORT_BODY_CHARS = 2_000;

/** Quoted words are someone else's: « … », "…", “…”. */
const QUOTED = /«[^»]*»|"[^"]*"|“[^”]*”/g;

/**
 * The out-of-office phrase a clause of `opening` starts with (after a greeting such as "Bonjour,"
 * or "Hello,"), if any; quoted words do not count.
 */
function outOfOfficeOpening(opening: string): string | undefined {
  for (const clause of opening.replace(QUOTED, " ").split(/[.!?;:,\n]+/)) {
    const folded = fold(clause);
    const phrase = OUT_OF_OFFICE_PHRASES.find((candidate) => folded === candidate || folded.startsWith(`${candidate} `));
    if (phrase !== undefined) return phrase;
  }
  return undefined;
}

function values(headers: AutomatedInput["headers"], name: string): string[] {
  return (headers.get(name) ?? []).map((value) => value.trim()).filter((value) => value !== "");
}

function startsWithAny(text: string, prefixes: readonly string[]): string | undefined {
  return prefixes.find((prefix) => text === prefix || text.startsWith(`${prefix} `));
}

/** The verdict on one message: null when a person wrote it. The first kind that holds wins, in the order of AUTOMATED_KINDS. */
export function classifyAutomated(input: AutomatedInput): Automated | null {
  const { headers } = input;
  const subject = fold(input.subject);

  // A delivery-status report: its structure, its sender, or the header MTAs add to it.
  const contentType = values(headers, "content-type")[0]?.toLowerCase() ?? "";
  if (contentType.startsWith("multipart/report") && /report-type\s*=\s*"?delivery-status/.test(contentType)) {
    return { kind: "bounce", reason: "content-type: multipart/report; report-type=delivery-status" };
  }
  if (input.hasDeliveryStatus) return { kind: "bounce", reason: "a message/delivery-status part" };
  const failed = values(headers, "x-failed-recipients")[0];
  if (failed !== undefined) return { kind: "bounce", reason: `x-failed-recipients: ${failed}` };
  const nullSender = values(headers, "return-path").some((path) => path.replace(/\s/g, "") === "<>");
  const bounceSubject = BOUNCE_SUBJECTS.find((phrase) => subject.startsWith(phrase));
  if (bounceSubject !== undefined && (nullSender || (input.from !== null && BOUNCE_SENDERS.test(input.from)))) {
    return { kind: "bounce", reason: `subject: ${input.subject.trim()}` };
  }

  // Palier's own mail coming back: from one of its addresses, or carrying its loop marker.
  const own = (input.ownAddresses ?? []).map((address) => address.toLowerCase());
  if (input.from !== null && own.includes(input.from)) return { kind: "loop", reason: `from: ${input.from} is this workspace's own address` };
  const markers = (input.loopMarkers ?? own).map((marker) => marker.toLowerCase());
  const loop = values(headers, "x-loop").find((value) => markers.includes(value.toLowerCase()));
  if (loop !== undefined) return { kind: "loop", reason: `x-loop: ${loop}` };

  // Auto-replies: RFC 3834, the vendors' headers, then the subject and the body's opening.
  const submitted = values(headers, "auto-submitted").find((value) => !/^no\b/i.test(value));
  if (submitted !== undefined) return { kind: "auto_reply", reason: `auto-submitted: ${submitted}` };
  for (const name of ["x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-response"]) {
    const value = values(headers, name)[0];
    if (value !== undefined && !/^(no|false|0)$/i.test(value)) return { kind: "auto_reply", reason: `${name}: ${value}` };
  }
  const precedence = values(headers, "precedence").map((value) => value.toLowerCase());
  if (precedence.includes("auto_reply")) return { kind: "auto_reply", reason: "precedence: auto_reply" };
  const autoSubject = startsWithAny(subject, AUTO_REPLY_SUBJECTS);
  if (autoSubject !== undefined) return { kind: "auto_reply", reason: `subject: ${input.subject.trim()}` };
  if (input.text.length <= SHORT_BODY_CHARS) {
    const phrase = outOfOfficeOpening(input.text.slice(0, OPENING_CHARS));
    if (phrase !== undefined) return { kind: "auto_reply", reason: `body: "${phrase}"` };
  }

  // Lists and bulk mail.
  const listId = values(headers, "list-id")[0];
  if (listId !== undefined) return { kind: "list", reason: `list-id: ${listId}` };
  if (precedence.includes("list")) return { kind: "list", reason: "precedence: list" };
  const bulk = precedence.find((value) => value === "bulk" || value === "junk");
  if (bulk !== undefined) return { kind: "bulk", reason: `precedence: ${bulk}` };
  return null;
}
