// An e-mail as Palier read it (src/channels/email/readMail.ts reads it from its bytes): what the
// intake command decides on and stores. Nothing here parses.

import type { DetectedLanguage } from "../triage/signals.js";
import type { Automated } from "./automated.js";
import type { Bounce } from "./bounce.js";

export interface MailAddress {
  address: string;
  name: string;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** Shown in the body (an image the HTML refers to, or a part marked inline) rather than offered as a download. */
  inline: boolean;
  contentId: string | null;
  /** SHA-256 of the content, hex. */
  sha256: string;
  content: Buffer;
}

/** Something the reader could not take as sent; the message is still read as far as it goes. */
export interface MailProblem {
  code: "unparsable" | "no_from" | "no_message_id" | "bad_date" | "undecodable_text" | "charset_guessed" | "tnef_unreadable" | "too_large" | "intake_failed";
  detail: string;
}

export interface InboundMail {
  messageId: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
  subject: string;
  date: Date | null;
  /** The body as the agent will read it: the plain-text part, or the HTML part's text. */
  text: string;
  /** The HTML part, sanitized; null when the message has none. */
  html: string | null;
  attachments: MailAttachment[];
  inReplyTo: string | null;
  references: string[];
  /** Header names in lower case with every value as sent (unfolded). */
  headers: Map<string, string[]>;
  automated: Automated | null;
  bounce: Bounce | null;
  /** For a bounce: the Message-ID of the message that could not be delivered, from the copy or headers it returns. */
  bouncedMessageId: string | null;
  language: DetectedLanguage;
  errors: MailProblem[];
  /** True when the message could only be kept as raw bytes. */
  raw: boolean;
  size: number;
}
