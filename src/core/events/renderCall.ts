// A `call` event in the reader's language: "Outgoing call +32 2 … · 4 min 05 s · answered", the
// agent's notes being the message beside it, and why it did or did not count as a response.

import type { CallEventData } from "../phone/call.js";
import type { RenderContext } from "./renderContext.js";

export function renderCall(context: RenderContext, data: CallEventData): { title: string; details: string[]; why: string | null } {
  return {
    title: context.t("phone.call", {
      direction: data.direction,
      number: data.number,
      minutes: Math.floor(data.durationSeconds / 60),
      seconds: data.durationSeconds % 60,
      outcome: data.outcome,
    }),
    details: [],
    why: data.answers ? context.t(data.countedAsResponse ? "phone.why.counted" : "phone.why.notCounted") : null,
  };
}

/** The English sentence kept in the row's `reason`. */
export function callReason(data: CallEventData): string {
  const way = data.direction === "in" ? "Incoming call from" : "Outgoing call to";
  const counted = data.answers
    ? data.countedAsResponse
      ? ": counts as a response under the SLA policy"
      : ": the SLA policy does not count calls as responses"
    : "";
  return `${way} ${data.number}, ${data.durationSeconds} s, ${data.outcome.replace("_", " ")}${counted}`;
}
