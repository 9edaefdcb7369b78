// The reply that tells a customer their request was handed on, and by when to expect an answer:
// from the catalogue's templates (escalation.notice.*) in the customer's language, the ETA in
// their time zone. The agent previews it before it is sent.

import { localeOf, translate, type Locale } from "../i18n/index.js";
import type { EscalationKind } from "./handoff.js";

export interface CustomerNoticeProps {
  /** The ticket's language, else the customer's; anything Palier does not speak reads English. */
  language: string | null;
  /** The customer's zone, else the receiving team's; an unknown zone reads UTC. */
  timeZone: string;
  kind: EscalationKind;
  customerName: string;
  ticketNumber: number;
  /** The receiving team's name (functional, hierarchical). */
  teamName: string | null;
  eta: Date | null;
}

/** The notice as the customer reads it. */
export interface CustomerNotice {
  locale: Locale;
  text: string;
}

/** The notice's text in the customer's language: who took the request over, and the ETA when there is one. */
export function customerNotice(props: CustomerNoticeProps): CustomerNotice {
  const locale = localeOf(props.language);
  const values = {
    name: props.customerName,
    number: props.ticketNumber,
    team: props.teamName ?? "",
    hasTeam: props.teamName ? "yes" : "no",
  };
  const lines = [translate(locale, "escalation.notice.greeting", values), translate(locale, `escalation.notice.${props.kind}`, values)];
  lines.push(
    props.eta
      ? translate(locale, "escalation.notice.eta", { eta: formatEta(locale, props.timeZone, props.eta) })
      : translate(locale, "escalation.notice.noEta"),
  );
  lines.push(translate(locale, "escalation.notice.closing"));
  return { locale, text: lines.join("\n\n") };
}

function formatEta(locale: Locale, timeZone: string, eta: Date): string {
  const options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(eta);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(eta);
  }
}
