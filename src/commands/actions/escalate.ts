// escalate: raises the support tier one step (or to `tier`), hands the ticket to a team when
// one is named, adds the internal note when there is one, and tells the (new) team's lead.

import { TIERS } from "../../core/ticket/ticket.js";
import type { StepOutcome } from "../../core/events/index.js";
import { resolveRecipients } from "../../core/sla/recipients.js";
import type { Tier } from "../../core/ticket/ticket.js";
import type { OutboxItem } from "../../store/outbox/outbox.js";
import { appendMessage } from "../tickets/appendMessage.js";
import { applyChanges } from "../tickets/applyChanges.js";
import { notify } from "./notify.js";
import type { TicketAction } from "./ticketAction.js";

export const escalate: TicketAction<{ type: "escalate"; tier?: Tier; teamId?: string; note?: string }> = {
  type: "escalate",
  writes: true,
  async run(context, action) {
    const { work, ticket, directory, changeCause } = context;
    const rank = TIERS.indexOf(ticket.tier);
    const to = action.tier ?? TIERS[rank + 1];
    if (!to) return { skipped: [{ why: "top_tier", tier: ticket.tier }] };
    const team = action.teamId ? directory.teams.get(action.teamId) : undefined;
    if (action.teamId && !team) return { skipped: [{ why: "unknown_team", teamId: action.teamId }] };
    const raises = TIERS.indexOf(to) > rank;
    const moves = team !== undefined && team.id !== ticket.teamId;
    if (!raises && !moves) return { skipped: [{ why: "already_tier", tier: ticket.tier }] };
    const assignee = ticket.assigneeId ? directory.agents.get(ticket.assigneeId) : undefined;
    const changes = {
      ...(raises ? { tier: to } : {}),
      ...(moves ? { teamId: team.id, assigneeId: assignee?.teamId === team.id ? ticket.assigneeId : null } : {}),
    };
    let after = await applyChanges(work, { ticket, changes, cause: changeCause });
    const done: StepOutcome[] = [];
    if (raises) done.push({ type: "escalated", from: ticket.tier, to });
    if (moves) done.push({ type: "team_set", teamId: team.id, name: team.name });
    if (action.note) {
      after = (await appendMessage(work, { ticket: after, kind: "note", text: action.note })).ticket;
      done.push({ type: "note_added" });
    }
    const queued: OutboxItem[] = [];
    const { recipients } = resolveRecipients({ recipients: [{ kind: "team_lead" }] }, after, directory, work.now.getTime());
    if (recipients.length > 0) {
      const notice = await notify.run({ ...context, ticket: after, recipients }, { type: "notify" });
      done.push(...(notice.done ?? []));
      queued.push(...(notice.queued ?? []));
    }
    return { ticket: after, done, queued };
  },
};
