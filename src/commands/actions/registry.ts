// Every ticket action, keyed by its type. Adding an action: a file beside this one exporting a
// TicketAction, its line here, and its variant in `StepAction` (src/core/sla/policy.ts), which
// this map must then cover (the compiler says so).

import type { StepAction } from "../../core/sla/policy.js";
import { addFollowers } from "./addFollowers.js";
import { addNote } from "./addNote.js";
import { notify } from "./notify.js";
import { raisePriority } from "./raisePriority.js";
import { reassign } from "./reassign.js";
import { setTier } from "./setTier.js";
import type { TicketAction } from "./ticketAction.js";
import { webhook } from "./webhook.js";

/** An action's parameters, by its type. */
export type ActionOf<T extends StepAction["type"]> = Extract<StepAction, { type: T }>;

/** The actions by type: exhaustive over StepAction. */
export const ticketActions: { readonly [T in StepAction["type"]]: TicketAction<ActionOf<T>> } = {
  notify,
  reassign,
  raise_priority: raisePriority,
  set_tier: setTier,
  add_followers: addFollowers,
  add_note: addNote,
  webhook,
};

/** The implementation of `action`'s type. */
export function actionFor<A extends StepAction>(action: A): TicketAction<A> {
  return ticketActions[action.type] as unknown as TicketAction<A>;
}
