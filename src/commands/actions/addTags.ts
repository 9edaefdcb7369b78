// add_tags: the tags the ticket does not carry yet (tags are normalized: trimmed, lower case).

import { normalizeTags } from "../../core/ticket/ticketRecord.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const addTags: TicketAction<{ type: "add_tags"; tags: string[] }> = {
  type: "add_tags",
  writes: true,
  async run({ work, ticket, changeCause }, action) {
    const added = normalizeTags(action.tags).filter((tag) => !ticket.tags.includes(tag));
    if (added.length === 0) return { skipped: [{ why: "already_tagged" }] };
    const after = await applyChanges(work, { ticket, changes: { tags: [...ticket.tags, ...added] }, cause: changeCause });
    return { ticket: after, done: [{ type: "tags_added", tags: added }] };
  },
};
