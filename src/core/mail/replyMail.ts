// How Palier's reply to a customer is addressed and threaded (docs/email.md): the subject keeps
// the ticket's reference once, the Message-ID is Palier's own, In-Reply-To names the customer's
// last message and References the thread, so that the customer's client threads it and their
// answer comes back to the ticket.

import { translator, type Locale } from "../i18n/index.js";

/** The most References a reply carries: the first of the thread and the latest ones. */
const MAX_REFERENCES = 20;

/** "Re: Facture introuvable [#1042]" in `locale`, without stacking the "Re:" prefixes and references the subject holds already. */
export function replySubject(subject: string, number: number, locale: Locale): string {
  const bare = subject
    .replace(/\s*\[#\d+\]\s*/g, " ")
    .replace(/^\s*((re|aw|antw|réf|tr|fw|fwd)\s*:\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return translator(locale)("mail.reply.subject", { subject: bare, number });
}

/** A reply's text and HTML with the team's signature below the usual "-- " separator; unchanged without one. */
export function signed(body: { text: string; html: string }, signature: string | undefined): { text: string; html: string } {
  const lines = signature?.trim();
  if (!lines) return body;
  const escaped = lines.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
  return { text: `${body.text}\n\n-- \n${lines}`, html: `${body.html}<p class="signature">-- <br>${escaped}</p>` };
}

/** The thread's Message-IDs a reply names: the first and the latest, at most MAX_REFERENCES. */
export function replyReferences(thread: readonly string[]): string[] {
  if (thread.length <= MAX_REFERENCES) return [...thread];
  return [thread[0] as string, ...thread.slice(thread.length - (MAX_REFERENCES - 1))];
}

/** The domain of an address (`Support <support@example.be>` → example.be), for Message-IDs; `fallback` when it has none. */
export function domainOfAddress(address: string, fallback = "palier.invalid"): string {
  return /@([^>\s]+)>?\s*$/.exec(address)?.[1]?.toLowerCase() ?? fallback;
}
