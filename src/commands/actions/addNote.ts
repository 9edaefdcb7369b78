// add_note: an internal note on the ticket, written by the actor of the unit of work.

import { appendMessage } from "../tickets/appendMessage.js";
import type { TicketAction } from "./ticketAction.js";

export const addNote: TicketAction<{ type: "add_note"; text: string }> = {
  type: "add_note",
  writes: true,
  async run({ work, ticket }, action) {
    const { ticket: after } = await appendMessage(work, { ticket, kind: "note", text: action.text });
    return { ticket: after, done: [{ type: "note_added" }] };
  },
};
