// The English reasons of routing's events, for the row's `reason` column (integrators, SQL readers).

import type { AssignmentEventData, QueuedEventData, RoutedSkills } from "./routingData.js";

const STRATEGY = { load_balanced: "load-balanced", round_robin: "round robin", on_call: "on call" } as const;
const ON_CALL_WHY = { outside_hours: "the team is outside its business hours", nobody_available: "nobody of the team is available" } as const;

function skillsReason(skills: RoutedSkills): string[] {
  const parts: string[] = [];
  if (skills.language) parts.push(`speaks ${skills.language}`);
  if (skills.product) parts.push(`knows ${skills.product.name}`);
  if (skills.channel) parts.push(`works ${skills.channel}`);
  if (skills.tags.length) parts.push(`has ${skills.tags.join(", ")}`);
  return parts;
}

/** "load-balanced: Sanne has 3 of 10, speaks nl, knows Billing". */
export function assignmentReason(data: AssignmentEventData): string {
  if (data.strategy === "on_call" && data.onCall)
    return `on call: ${data.name} is on call in ${data.onCall.scheduleName}, urgent and ${ON_CALL_WHY[data.onCall.why]}; has ${data.load} of ${data.capacity}`;
  return `${STRATEGY[data.strategy]}: ${[`${data.name} has ${data.load} of ${data.capacity}`, ...skillsReason(data.matched)].join(", ")}`;
}

/** "nobody available in Billing (2 out of office, 1 at capacity); waits in the team's queue". */
export function queuedReason(data: QueuedEventData): string {
  const counts = Object.entries(data.passedOver).map(([why, n]) => `${n} ${why.replace(/_/g, " ")}`);
  const onCall = data.onCall ? `; nobody on call (${data.onCall.skip.replace(/_/g, " ")})` : "";
  return `nobody available in ${data.teamName}${counts.length ? ` (${counts.join(", ")})` : ""}${onCall}; waits in the team's queue`;
}
