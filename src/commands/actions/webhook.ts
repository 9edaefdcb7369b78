// webhook: queues a signed POST of the ticket and the cause to an integrator's URL (the delivery
// worker sends it, with retries).

import { webhookBody } from "./actionCause.js";
import type { TicketAction } from "./ticketAction.js";

export const webhook: TicketAction<{ type: "webhook"; url: string; secret: string }> = {
  type: "webhook",
  writes: false,
  async run({ work, ticket, cause }, action) {
    const { event, ...rest } = webhookBody(cause, work.now);
    const body = {
      event,
      ticket: {
        number: ticket.number,
        subject: ticket.subject,
        status: ticket.status,
        priority: ticket.priority,
        tier: ticket.tier,
        teamId: ticket.teamId,
        assigneeId: ticket.assigneeId,
      },
      ...rest,
    };
    return {
      queued: [{ kind: "webhook", ticketNumber: ticket.number, address: action.url, payload: { body, secret: action.secret } }],
      done: [{ type: "webhook_queued", url: action.url }],
    };
  },
};
