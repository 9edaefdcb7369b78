// remove_tags: the given tags the ticket carries.

import { normalizeTags } from "../../core/ticket/ticketRecord.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const removeTags: TicketAction<{ type: "remove_tags"; tags: string[] }> = {
  type: "remove_tags",
  writes: true,
  async run({ work, ticket, changeCause }, action) {
    const removed = normalizeTags(action.tags).filter((tag) => ticket.tags.includes(tag));
    if (removed.length === 0) return { skipped: [{ why: "not_tagged" }] };
    const after = await applyChanges(work, { ticket, changes: { tags: ticket.tags.filter((tag) => !removed.includes(tag)) }, cause: changeCause });
    return { ticket: after, done: [{ type: "tags_removed", tags: removed }] };
  },
};
