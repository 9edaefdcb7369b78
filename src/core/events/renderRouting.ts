// Routing's events in the reader's language: who took the ticket and why ("Load-balanced: Sanne
// has 3 of 10, speaks Dutch, knows Billing"), or why it waits in its team's queue.

import type { RenderContext } from "./renderContext.js";
import type { AssignmentEventData, QueuedEventData, RoutedSkills } from "./routingData.js";
import { word } from "./renderCauses.js";

type Rendered = { title: string; details: string[]; why: string | null };

/** The skills a choice was bound by: "speaks Dutch", "knows Billing", "works Phone", "has api". */
function skillTexts(context: RenderContext, skills: RoutedSkills): string[] {
  const { t } = context;
  const texts: string[] = [];
  if (skills.language) texts.push(t("routing.event.skill.language", { language: skills.language }));
  if (skills.product) texts.push(t("routing.event.skill.product", { product: skills.product.name }));
  if (skills.channel) texts.push(t("routing.event.skill.channel", { channel: word(context, "ticket.channel", skills.channel) }));
  if (skills.tags.length) texts.push(t("routing.event.skill.tags", { tags: context.list(skills.tags) }));
  return texts;
}

/** An `assignment` event: "Assigned to Sanne by routing", why: "Load-balanced: Sanne has 3 of 10, speaks Dutch, knows Billing". */
export function renderAssignment(context: RenderContext, data: AssignmentEventData): Rendered {
  const { t } = context;
  const name = context.name("agent", data.agentId, data.name);
  if (data.strategy === "on_call" && data.onCall) {
    const why = t("routing.event.onCall", { name, schedule: data.onCall.scheduleName, why: data.onCall.why });
    const details = [
      t("routing.event.team", { team: context.name("team", data.teamId, data.teamName) }),
      t("routing.event.onCallLoad", { load: data.load, capacity: data.capacity }),
    ];
    if (data.queuedSince) details.push(t("routing.event.waited", { since: context.instant(data.queuedSince) }));
    return { title: t("routing.event.onCallTitle", { name }), details, why };
  }
  const load = t("routing.event.load", { strategy: data.strategy, name, load: data.load, capacity: data.capacity });
  const details = [t("routing.event.team", { team: context.name("team", data.teamId, data.teamName) })];
  if (data.queuedSince) details.push(t("routing.event.waited", { since: context.instant(data.queuedSince) }));
  return { title: t("routing.event.assignedTitle", { name }), details, why: [load, ...skillTexts(context, data.matched)].join(", ") };
}

/** A `queued` event: "Waiting in the queue of Billing", each reason members were passed over, the lead told. */
export function renderQueued(context: RenderContext, data: QueuedEventData): Rendered {
  const { t } = context;
  const team = context.name("team", data.teamId, data.teamName);
  const details = Object.entries(data.passedOver).map(([why, count]) => t("routing.event.passedOver", { why, count }));
  const manual = data.strategy === "manual";
  if (data.members === 0 && !manual) details.push(t("routing.event.noMembers"));
  const needs = skillTexts(context, data.needs);
  if (needs.length) details.push(t("routing.event.needs", { needs: context.list(needs) }));
  if (data.onCall) details.push(t("routing.event.onCallSkip", { skip: data.onCall.skip }));
  if (data.leadId) details.push(t("routing.event.leadTold", { name: context.name("agent", data.leadId) }));
  const why = manual ? t("routing.event.queuedOutsideHours") : t("routing.event.queuedWhy", { strategy: data.strategy });
  return { title: t("routing.event.queuedTitle", { team }), details, why };
}
