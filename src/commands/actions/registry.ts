// Every ticket action, keyed by its type: the escalation matrix's and the rules' (one registry).
// Adding an action: a file beside this one exporting a TicketAction, its line here, and its
// variant in `StepAction` (src/core/sla/policy.ts) or `RuleAction` (src/core/rules/rule.ts),
// which this map must then cover (the compiler says so).

import { addFollowers } from "./addFollowers.js";
import { addNote } from "./addNote.js";
import { addTags } from "./addTags.js";
import { applyPolicy } from "./applyPolicy.js";
import { assign } from "./assign.js";
import { cannedReply } from "./cannedReply.js";
import { escalate } from "./escalate.js";
import { notify } from "./notify.js";
import { raisePriority } from "./raisePriority.js";
import { reassign } from "./reassign.js";
import { removeTags } from "./removeTags.js";
import { route } from "./route.js";
import { setPriority } from "./setPriority.js";
import { setTeam } from "./setTeam.js";
import { setTier } from "./setTier.js";
import type { AnyAction, TicketAction } from "./ticketAction.js";
import { webhook } from "./webhook.js";

/** An action's parameters, by its type (a matrix step's and a rule's `notify` both). */
export type ActionOf<T extends AnyAction["type"]> = Extract<AnyAction, { type: T }>;

/** The actions only rules use (the matrix's are `ACTION_TYPES`). */
export const RULE_ONLY_ACTION_TYPES = [
  "set_priority",
  "add_tags",
  "remove_tags",
  "set_team",
  "assign",
  "apply_policy",
  "escalate",
  "canned_reply",
  "route",
] as const;

/** The actions by type: exhaustive over the matrix's and the rules' actions. */
export const ticketActions: { readonly [T in AnyAction["type"]]: TicketAction<ActionOf<T>> } = {
  notify,
  reassign,
  raise_priority: raisePriority,
  set_tier: setTier,
  add_followers: addFollowers,
  add_note: addNote,
  webhook,
  set_priority: setPriority,
  add_tags: addTags,
  remove_tags: removeTags,
  set_team: setTeam,
  assign,
  apply_policy: applyPolicy,
  escalate,
  canned_reply: cannedReply,
  route,
};

/** The implementation of `action`'s type. */
export function actionFor<A extends AnyAction>(action: A): TicketAction<A> {
  return ticketActions[action.type] as unknown as TicketAction<A>;
}
