// What e-mail records on a ticket beyond its messages: a message Palier sent that bounced, and
// automated mail (an out-of-office reply, a list's copy) kept on the ticket without answering it
// or reopening the ticket.

import type { AutomatedKind } from "../mail/automated.js";

/** The data of a `mail` event. */
export type MailEventData =
  | {
      what: "bounced";
      /** The address that could not be reached, the RFC 3463 status and the server's words, as far as the report says. */
      recipient: string | null;
      status: string | null;
      diagnostic: string | null;
    }
  | {
      what: "automated";
      kind: AutomatedKind;
      /** The header or phrase that marks it, as read ("auto-submitted: auto-replied"). */
      reason: string;
      from: string | null;
      subject: string;
    };
