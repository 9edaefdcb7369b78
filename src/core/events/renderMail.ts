// A `mail` event in the reader's language: "E-mail not delivered" with the address and the
// server's answer, or "Automatic e-mail kept, not answered" with its sender and why it counts as automatic.

import type { MailEventData } from "./mailData.js";
import type { RenderContext } from "./renderContext.js";

export function mailTitle(context: RenderContext, data: MailEventData): string {
  return data.what === "bounced" ? context.t("mail.event.bouncedTitle") : context.t("mail.event.automatedTitle", { kind: data.kind });
}

export function mailLines(context: RenderContext, data: MailEventData): string[] {
  if (data.what === "bounced") {
    const lines = [context.t("mail.event.bouncedTo", { recipient: data.recipient ?? context.t("mail.event.unknownRecipient") })];
    if (data.status !== null) lines.push(context.t("mail.event.status", { status: data.status, permanent: data.status.startsWith("5") ? "yes" : "no" }));
    if (data.diagnostic !== null) lines.push(context.t("mail.event.diagnostic", { diagnostic: data.diagnostic }));
    return lines;
  }
  return [
    context.t("mail.event.automatedFrom", { from: data.from ?? context.t("mail.event.unknownRecipient"), subject: data.subject }),
    context.t("mail.event.automatedWhy", { reason: data.reason }),
  ];
}

/** The English sentence kept in the row's `reason`. */
export function mailReason(data: MailEventData): string {
  return data.what === "bounced"
    ? `E-mail to ${data.recipient ?? "the customer"} bounced${data.status ? ` (${data.status})` : ""}`
    : `Automated e-mail (${data.kind}) kept without answering: ${data.reason}`;
}
