// add_followers: the recipients follow the ticket from now on (those not following it yet).

import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const addFollowers: TicketAction<{ type: "add_followers" }> = {
  type: "add_followers",
  writes: true,
  async run({ work, ticket, recipients, changeCause }) {
    const added = recipients.map((r) => r.agent).filter((a) => !ticket.followers.includes(a.id));
    if (added.length === 0) return { skipped: [{ why: recipients.length ? "all_follow" : "no_recipient" }] };
    const after = await applyChanges(work, { ticket, changes: { followers: [...ticket.followers, ...added.map((a) => a.id)] }, cause: changeCause });
    return { ticket: after, done: [{ type: "followers_added", agentIds: added.map((a) => a.id), names: added.map((a) => a.name) }] };
  },
};
