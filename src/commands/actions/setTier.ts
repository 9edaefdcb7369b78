// set_tier: moves the ticket to a support tier (L0 self-care … external).

import type { Tier } from "../../core/ticket/ticket.js";
import { applyChanges } from "../tickets/changeTicket.js";
import type { TicketAction } from "./ticketAction.js";

export const setTier: TicketAction<{ type: "set_tier"; tier: Tier }> = {
  type: "set_tier",
  writes: true,
  async run({ work, ticket, reason }, action) {
    if (ticket.tier === action.tier) return { skipped: [`already ${action.tier}`] };
    const from = ticket.tier;
    return { ticket: await applyChanges(work, { ticket, changes: { tier: action.tier }, reason }), done: [`set tier ${from} → ${action.tier}`] };
  },
};
