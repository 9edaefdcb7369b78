// A fired matrix step in the reader's language: its heading, whom it reached, what each action
// did, why parts of it did nothing, and when it was due and fired.

import { legacyOutcome } from "./legacyReasons.js";
import { fieldValue, word } from "./renderCauses.js";
import type { RenderContext } from "./renderContext.js";
import type { CatchUp, StepOutcome, StepRef, StepSkip } from "./escalationData.js";
import type { StoredEscalationData } from "./ticketEvent.js";

/** "Reminder: First response" or "Escalated to level 2: Resolution". */
export function escalationTitle(context: RenderContext, data: Pick<StoredEscalationData, "kind" | "level" | "target" | "catchUp">): string {
  const target = word(context, "ticket.slaTarget", data.target);
  if (data.catchUp?.why === "past_due") return context.t("events.escalation.notSentTitle", { target });
  return context.t("events.escalation.title", { kind: data.kind, level: data.level, target });
}

/** "level 3 (Resolution)", "the reminder (First response)". */
function stepName(context: RenderContext, step: StepRef): string {
  return context.t("events.catchUp.step", { kind: step.kind, level: step.level, target: word(context, "ticket.slaTarget", step.target) });
}

/** What a catch-up changed about the step, in one line. */
export function catchUpText(context: RenderContext, catchUp: CatchUp): string {
  switch (catchUp.why) {
    case "past_due":
      return context.t("events.catchUp.pastDue");
    case "notice_with":
      return context.t("events.catchUp.noticeWith", { step: stepName(context, catchUp.into) });
    case "notice_for":
      return context.t("events.catchUp.noticeFor", { steps: context.list(catchUp.steps.map((s) => stepName(context, s))) });
  }
}

/** What one action did. */
export function outcomeText(context: RenderContext, outcome: StepOutcome): string {
  const { t } = context;
  switch (outcome.type) {
    case "notified": {
      const how = t("events.outcome.channels", { email: outcome.channels.includes("email") ? "yes" : "no" });
      const hold = outcome.heldUntil
        ? t("events.outcome.heldUntil", { when: context.instant(outcome.heldUntil) })
        : outcome.outsideHours
          ? t(outcome.onCall ? "events.outcome.onCallOutsideHours" : "events.outcome.outsideHours")
          : "";
      return t("events.outcome.notified", { name: context.name("agent", outcome.agentId, outcome.name), how, hold });
    }
    case "reassigned":
      return outcome.agentId !== undefined
        ? t("events.outcome.reassigned", { name: context.name("agent", outcome.agentId, outcome.name) })
        : t("events.outcome.reassignedTeam", { name: context.name("team", outcome.teamId, outcome.name) });
    case "priority_raised":
      return t("events.outcome.priority_raised", { from: word(context, "ticket.priority", outcome.from), to: word(context, "ticket.priority", outcome.to) });
    case "tier_set":
      return t("events.outcome.tier_set", { from: word(context, "ticket.tier", outcome.from), to: word(context, "ticket.tier", outcome.to) });
    case "followers_added": {
      const names = outcome.agentIds.map((id, i) => context.name("agent", id, outcome.names?.[i]));
      return t("events.outcome.followers_added", { count: names.length, names: context.list(names) });
    }
    case "note_added":
      return t("events.outcome.note_added");
    case "webhook_queued":
      return t("events.outcome.webhook_queued", { url: outcome.url });
    case "priority_set":
      return t("events.outcome.priority_set", { from: word(context, "ticket.priority", outcome.from), to: word(context, "ticket.priority", outcome.to) });
    case "tags_added":
    case "tags_removed":
      return t(`events.outcome.${outcome.type}`, { count: outcome.tags.length, tags: context.list(outcome.tags) });
    case "team_set":
      return t("events.outcome.team_set", { name: context.name("team", outcome.teamId, outcome.name) });
    case "policy_applied":
      return t("events.outcome.policy_applied", { name: context.name("policy", outcome.policyId, outcome.name) });
    case "escalated":
      return t("events.outcome.escalated", { from: word(context, "ticket.tier", outcome.from), to: word(context, "ticket.tier", outcome.to) });
    case "reply_sent":
      return t("events.outcome.reply_sent", { language: word(context, "ticket.language", outcome.language) });
  }
}

/** Why part of a step did nothing. */
export function skipText(context: RenderContext, skip: StepSkip): string {
  const { t } = context;
  if ("recipient" in skip) {
    const who = word(context, "events.recipient", skip.recipient);
    const values: Record<string, string> = { who, why: skip.why, name: "", region: "" };
    if ("agentId" in skip) values.name = context.name("agent", skip.agentId, "name" in skip ? skip.name : undefined);
    if ("teamId" in skip) values.name = context.name("team", skip.teamId, "name" in skip ? skip.name : undefined);
    if ("region" in skip) values.region = skip.region;
    if ("scheduleId" in skip && skip.scheduleId) values.name = ("name" in skip ? skip.name : undefined) ?? skip.scheduleId;
    return t("events.skip.recipient", values);
  }
  const action = word(context, "events.action", skip.action);
  if (skip.why === "not_routed") return `${action}: ${t("routing.skip", { reason: skip.reason })}`;
  const values: Record<string, string> = { action, why: skip.why, name: "", value: "", message: "" };
  if ("agentId" in skip) values.name = context.name("agent", skip.agentId);
  if ("teamId" in skip) values.name = context.name("team", skip.teamId);
  if ("priority" in skip) values.value = fieldValue(context, "priority", skip.priority);
  if ("tier" in skip) values.value = fieldValue(context, "tier", skip.tier);
  if ("message" in skip) values.message = skip.message;
  if ("policyId" in skip) values.name = context.name("policy", skip.policyId);
  if ("tier" in skip && skip.why === "top_tier") values.value = fieldValue(context, "tier", skip.tier);
  return t("events.skip.action", values);
}

/** The details of a step: recipients, outcomes, skips, due and fired times, breach. */
export function escalationLines(context: RenderContext, data: StoredEscalationData): string[] {
  const { t } = context;
  const lines: string[] = [];
  const recipients = (data.recipients ?? []).map((r) => context.name("agent", r.agentId, r.name));
  if (data.catchUp) lines.push(catchUpText(context, data.catchUp));
  // A reminder skipped past due reached nobody on purpose: "nobody to notify" would mislead.
  if (data.catchUp?.why !== "past_due")
    lines.push(
      recipients.length
        ? t("events.escalation.recipients", { count: recipients.length, names: context.list(recipients) })
        : t("events.escalation.noRecipients"),
    );
  // Rows written before outcomes were data list English sentences: those Palier wrote are read back.
  const outcomes =
    data.outcomes?.map((o) => outcomeText(context, o)) ??
    (data.actions ?? []).map((a) => {
      const outcome = legacyOutcome(a);
      return outcome ? outcomeText(context, outcome) : a;
    });
  if (outcomes.length) lines.push(t("events.escalation.actions", { actions: context.list(outcomes) }));
  const skips = data.skips?.map((s) => skipText(context, s)) ?? data.skipped ?? [];
  if (skips.length) lines.push(t("events.escalation.skipped", { skips: skips.join("; ") }));
  lines.push(t("events.escalation.due", { when: context.instant(data.dueAt) }));
  lines.push(
    data.late
      ? t("events.escalation.firedLate", { when: context.instant(data.firedAt), time: context.duration(data.lagMs) })
      : t("events.escalation.fired", { when: context.instant(data.firedAt) }),
  );
  if (data.breached) lines.push(t("events.escalation.breached"));
  return lines;
}
