// set_tier: moves the ticket to a support tier (L0 self-care … external).

import type { Tier } from "../../core/ticket/ticket.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const setTier: TicketAction<{ type: "set_tier"; tier: Tier }> = {
  type: "set_tier",
  writes: true,
  async run({ work, ticket, changeCause }, action) {
    if (ticket.tier === action.tier) return { skipped: [{ why: "already_tier", tier: action.tier }] };
    const from = ticket.tier;
    return {
      ticket: await applyChanges(work, { ticket, changes: { tier: action.tier }, cause: changeCause }),
      done: [{ type: "tier_set", from, to: action.tier }],
    };
  },
};
