// What a rule's actions would do to a ticket, without doing it, for the dry run: the fields they
// would change (as the actions in src/commands/actions change them) and what else would happen.

import type { FieldChanges, TicketFieldValues } from "../events/ticketEvent.js";
import type { Recipient } from "../sla/policy.js";
import { type Language, PRIORITIES, type Priority, TIERS, type Tier } from "../ticket/ticket.js";
import { normalizeTags, type Ticket } from "../ticket/ticketRecord.js";
import type { RuleAction } from "./rule.js";

/** Something an action would do besides changing the ticket's fields. */
export type PreviewEffect =
  | { type: "notify"; recipients: Recipient[] }
  | { type: "note"; text: string }
  | { type: "reply"; language: Language; template: string }
  | { type: "webhook"; url: string }
  | { type: "apply_policy"; policyId: string }
  | { type: "add_followers" }
  /** The team's routing would choose an agent (who depends on the moment: the dry run does not guess). */
  | { type: "route" };

/** What the actions would change, and their other effects, in order. */
export interface ActionPreview {
  changes: FieldChanges;
  effects: PreviewEffect[];
}

/** What the preview knows of agents: each agent's team, so that moving a ticket keeps or lets go of its assignee as the actions do. */
export interface PreviewDirectory {
  agentTeams: ReadonlyMap<string, string | null>;
}

type Fields = Pick<TicketFieldValues, "priority" | "tier" | "tags" | "teamId" | "assigneeId">;

/**
 * What `actions` would do to `ticket`, one after the other: `changes` holds each field that
 * would end different from the ticket's, with its value before and after; `effects` the notices,
 * notes, replies, webhooks and policies. An action with nothing to do leaves no trace. Without
 * `directory`, an assignee is kept when the ticket moves to another team.
 */
export function previewActions(actions: readonly RuleAction[], ticket: Ticket, directory?: PreviewDirectory): ActionPreview {
  const now: Fields = { priority: ticket.priority, tier: ticket.tier, tags: [...ticket.tags], teamId: ticket.teamId, assigneeId: ticket.assigneeId };
  const effects: PreviewEffect[] = [];
  const teamOf = (agentId: string | null) => (agentId ? directory?.agentTeams.get(agentId) : undefined);
  // An assignee from another team lets go of the ticket when it moves; one of that team keeps it.
  const moveTo = (teamId: string) => {
    if (now.teamId === teamId) return;
    if (directory && teamOf(now.assigneeId) !== teamId) now.assigneeId = null;
    now.teamId = teamId;
  };
  for (const action of actions) {
    switch (action.type) {
      case "set_priority":
        now.priority = action.priority;
        break;
      case "raise_priority": {
        const to = action.to ?? PRIORITIES[Math.min(rank(now.priority) + 1, PRIORITIES.length - 1)];
        if (to && rank(to) > rank(now.priority)) now.priority = to;
        break;
      }
      case "add_tags":
        now.tags = normalizeTags([...now.tags, ...action.tags]);
        break;
      case "remove_tags": {
        const removed = new Set(normalizeTags(action.tags));
        now.tags = now.tags.filter((tag) => !removed.has(tag));
        break;
      }
      case "set_team":
        moveTo(action.teamId);
        break;
      case "set_tier":
        now.tier = action.tier;
        break;
      case "assign":
        now.assigneeId = action.agentId;
        now.teamId = teamOf(action.agentId) ?? now.teamId;
        break;
      case "reassign":
        if (action.agentId) {
          now.assigneeId = action.agentId;
          now.teamId = action.teamId ?? teamOf(action.agentId) ?? now.teamId;
        } else if (action.teamId) moveTo(action.teamId);
        break;
      case "escalate": {
        const to: Tier | undefined = action.tier ?? TIERS[TIERS.indexOf(now.tier) + 1];
        if (to && TIERS.indexOf(to) > TIERS.indexOf(now.tier)) now.tier = to;
        if (action.teamId) moveTo(action.teamId);
        if (action.note) effects.push({ type: "note", text: action.note });
        effects.push({ type: "notify", recipients: [{ kind: "team_lead" }] });
        break;
      }
      case "apply_policy":
        effects.push({ type: "apply_policy", policyId: action.policyId });
        break;
      case "notify":
        effects.push({ type: "notify", recipients: "recipients" in action ? action.recipients : [] });
        break;
      case "add_note":
        effects.push({ type: "note", text: action.text });
        break;
      case "add_followers":
        effects.push({ type: "add_followers" });
        break;
      case "canned_reply": {
        const reply = replyTemplate(action.templates, ticket.language);
        if (reply) effects.push({ type: "reply", ...reply });
        break;
      }
      case "webhook":
        effects.push({ type: "webhook", url: action.url });
        break;
      case "route":
        effects.push({ type: "route" });
        break;
    }
  }
  return { changes: changesBetween(ticket, now), effects };
}

function rank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

// The template of the ticket's language, else English, else the first written.
function replyTemplate(templates: Partial<Record<Language, string>>, language: Language | null): { language: Language; template: string } | undefined {
  for (const candidate of [language, "en", "fr", "nl"] as const) {
    const template = candidate ? templates[candidate] : undefined;
    if (candidate && template && template.trim() !== "") return { language: candidate, template };
  }
  return undefined;
}

function changesBetween(ticket: Ticket, now: Fields): FieldChanges {
  const changes: FieldChanges = {};
  if (now.priority !== ticket.priority) changes.priority = [ticket.priority, now.priority];
  if (now.tier !== ticket.tier) changes.tier = [ticket.tier, now.tier];
  if (now.teamId !== ticket.teamId) changes.teamId = [ticket.teamId, now.teamId];
  if (now.assigneeId !== ticket.assigneeId) changes.assigneeId = [ticket.assigneeId, now.assigneeId];
  const before = normalizeTags(ticket.tags);
  if (now.tags.length !== before.length || now.tags.some((tag, i) => tag !== before[i])) changes.tags = [ticket.tags, now.tags];
  return changes;
}
