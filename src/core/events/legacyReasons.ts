// Rows written before causes were data carry an English sentence in `reason` (and escalation
// rows English `actions`): the sentences Palier itself wrote are read back into causes, so old
// timelines render in the reader's language too; any other text is shown as written.

import type { Priority, Status, Tier } from "../ticket/ticket.js";
import type { ChangeCause, ClockCause, PolicyMatchCause } from "./causes.js";
import type { StepOutcome } from "./escalationData.js";

/** The cause an old `created`/`updated` reason stated; a sentence Palier did not write is a person's comment. */
export function legacyChangeCause(reason: string | null): ChangeCause | undefined {
  if (reason === null || reason === "") return undefined;
  if (reason === "first reply") return { cause: "first_reply" };
  if (reason === "the customer wrote") return { cause: "customer_wrote" };
  let m = /^closed automatically (\d+) days after it was solved$/.exec(reason);
  if (m) return { cause: "auto_closed", afterDays: Number(m[1]) };
  m = /^routed to an agent of the team who speaks (\w+)$/.exec(reason);
  if (m) return { cause: "routed", by: "language", language: m[1] as string };
  return { cause: "comment", text: reason };
}

const CLOCK_REASONS: Record<string, ClockCause> = {
  "ticket created": { cause: "ticket_created" },
  "agent replied": { cause: "agent_replied" },
  "internal note": { cause: "internal_note" },
  "customer wrote": { cause: "customer_wrote" },
  "ticket or policy changed": { cause: "ticket_changed" },
  "clocks rebuilt from history": { cause: "clocks_rebuilt" },
};

/** The cause an old `sla` reason stated, or undefined for a sentence Palier did not write. */
export function legacyClockCause(reason: string | null): ClockCause | undefined {
  if (reason === null) return undefined;
  const known = CLOCK_REASONS[reason];
  if (known) return known;
  const m = /^status (\w+) → (\w+)$/.exec(reason);
  return m ? { cause: "status_changed", from: m[1] as Status, to: m[2] as Status } : undefined;
}

/** The match an old `sla_policy` reason stated when it needs no conditions; conditions stay text. */
export function legacyMatchCause(reason: string | null): PolicyMatchCause | undefined {
  if (reason === "no policy applies") return { cause: "none" };
  if (reason === "default policy: no other policy matched") return { cause: "default" };
  if (reason === "no conditions: every ticket") return { cause: "conditions", all: [], any: [] };
  return undefined;
}

/** An outcome from an old escalation's English action; agents are known by name only (an empty id). */
export function legacyOutcome(text: string): StepOutcome | undefined {
  let m = /^notified (.+) \((in-app(?:, e-mail)?)(?:; held until (\S+), outside working hours|; (urgent): sent outside working hours)?\)$/.exec(text);
  if (m) {
    return {
      type: "notified",
      agentId: "",
      name: m[1] as string,
      channels: m[2]?.includes("e-mail") ? ["inapp", "email"] : ["inapp"],
      ...(m[3] ? { heldUntil: m[3] } : {}),
      ...(m[4] ? { outsideHours: true as const } : {}),
    };
  }
  m = /^raised priority (\w+) → (\w+)$/.exec(text);
  if (m) return { type: "priority_raised", from: m[1] as Priority, to: m[2] as Priority };
  m = /^set tier (\S+) → (\S+)$/.exec(text);
  if (m) return { type: "tier_set", from: m[1] as Tier, to: m[2] as Tier };
  m = /^reassigned to team (.+)$/.exec(text);
  if (m) return { type: "reassigned", teamId: "", name: m[1] as string };
  m = /^reassigned to (.+)$/.exec(text);
  if (m) return { type: "reassigned", agentId: "", name: m[1] as string };
  m = /^added followers (.+)$/.exec(text);
  if (m) {
    const names = (m[1] as string).split(", ");
    return { type: "followers_added", agentIds: names.map(() => ""), names };
  }
  if (text === "added a note") return { type: "note_added" };
  m = /^queued webhook to (.+)$/.exec(text);
  if (m) return { type: "webhook_queued", url: m[1] as string };
  return undefined;
}
