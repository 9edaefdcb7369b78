// add_followers: the recipients follow the ticket from now on (those not following it yet).

import { applyChanges } from "../tickets/changeTicket.js";
import type { TicketAction } from "./ticketAction.js";

export const addFollowers: TicketAction<{ type: "add_followers" }> = {
  type: "add_followers",
  writes: true,
  async run({ work, ticket, recipients, reason }) {
    const added = recipients.map((r) => r.agent).filter((a) => !ticket.followers.includes(a.id));
    if (added.length === 0) return { skipped: [recipients.length ? "every recipient already follows" : "no recipient to add"] };
    const after = await applyChanges(work, { ticket, changes: { followers: [...ticket.followers, ...added.map((a) => a.id)] }, reason });
    return { ticket: after, done: [`added followers ${added.map((a) => a.name).join(", ")}`] };
  },
};
