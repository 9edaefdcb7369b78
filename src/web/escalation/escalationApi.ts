// The human escalation's calls and shapes (docs/escalation.md), and the react-query hooks the
// ticket page and the board read them through.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "../api/client.js";
import type { Ticket } from "../api/types.js";
import { queryKeys } from "../queries/keys.js";
import { ticketChanged } from "../ticket/ticketMutations.js";

export type EscalationKind = "functional" | "hierarchical" | "external";
export type EscalationStatus = "open" | "accepted" | "bounced" | "resolved";
export type Urgency = "low" | "normal" | "high" | "critical";

export interface Handoff {
  summary: string;
  tried: string;
  impact: string;
  urgency: Urgency;
}

export interface Escalation {
  id: string;
  ticketNumber: number;
  kind: EscalationKind;
  status: EscalationStatus;
  fromAgentId: string | null;
  fromTeamId: string | null;
  toTeamId: string | null;
  toAgentId: string | null;
  vendor: string | null;
  vendorReference: string | null;
  promisedAt: string | null;
  handoff: Handoff;
  etaAt: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  bounceReason: string | null;
  suggestedTeamId: string | null;
  rootCause: string | null;
  rootCauseText: string | null;
  createdAt: string;
  ageSeconds: number;
}

export interface BoardEscalation extends Escalation {
  subject: string;
  toTeamName: string | null;
}

/** An escalation as the dialog asks for it: every field as typed, checked by the server. */
export interface EscalationDraft {
  kind: EscalationKind;
  toTeamId?: string | null;
  toAgentId?: string | null;
  vendor?: string;
  vendorReference?: string;
  promisedAt?: string;
  handoff: Partial<Record<keyof Handoff, string>>;
  reason?: string;
  notifyCustomer?: boolean;
  noticeText?: string;
}

export interface EscalationPreview {
  etaAt: string | null;
  notice: { locale: "en" | "fr" | "nl"; text: string };
}

export const escalationKeys = {
  ofTicket: (number: number) => [...queryKeys.ticket(number), "escalations"] as const,
  board: (filter: Record<string, string>) => ["escalationBoard", filter] as const,
};

export async function ticketEscalations(number: number): Promise<{ items: Escalation[]; bounces: number }> {
  return (await request<{ items: Escalation[]; bounces: number }>("GET", `/tickets/${number}/escalations`)).data;
}

export async function previewEscalation(number: number, draft: EscalationDraft): Promise<EscalationPreview> {
  return (await request<EscalationPreview>("POST", `/tickets/${number}/escalations/preview`, { body: draft })).data;
}

export async function escalationBoard(filter: Record<string, string>): Promise<{ items: BoardEscalation[]; now: string }> {
  return (await request<{ items: BoardEscalation[]; now: string }>("GET", "/escalations", { query: filter })).data;
}

/** An agent's escalation figures: made, sent back to them, sent back by them. */
export interface AgentEscalationCounts {
  agentId: string;
  escalated: number;
  bounced: number;
  sentBack: number;
}

/** How many escalations an agent made, how many were sent back, and how many they sent back. */
export async function agentEscalationCounts(agentId: string): Promise<AgentEscalationCounts> {
  return (await request<AgentEscalationCounts>("GET", `/agents/${agentId}/escalations`)).data;
}

/** The figures of several agents (at most 200), in one call. */
export async function escalationCountsByAgent(agentIds: readonly string[]): Promise<AgentEscalationCounts[]> {
  return (await request<{ items: AgentEscalationCounts[] }>("GET", "/escalations/by-agent", { query: { agentIds: agentIds.join(",") } })).data.items;
}

/** A ticket's escalations and how many times it was sent back; none for a role that cannot read them. */
export function useTicketEscalations(number: number) {
  return useQuery({ queryKey: escalationKeys.ofTicket(number), queryFn: () => ticketEscalations(number) });
}

/** Escalating, accepting and bouncing: the ticket's answer cached, its escalations and the board read again. */
export function useEscalationMutations(number: number) {
  const queryClient = useQueryClient();
  const done = (ticket: Ticket) => {
    ticketChanged(queryClient, ticket);
    void queryClient.invalidateQueries({ queryKey: escalationKeys.ofTicket(number) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.ticketMessages(number) });
    void queryClient.invalidateQueries({ queryKey: ["escalationBoard"] });
    void queryClient.invalidateQueries({ queryKey: ["agentEscalations"] });
  };
  const escalate = useMutation({
    mutationFn: async (draft: EscalationDraft) =>
      (await request<{ escalation: Escalation; ticket: Ticket }>("POST", `/tickets/${number}/escalations`, { body: draft })).data,
    onSuccess: ({ ticket }) => done(ticket),
  });
  const accept = useMutation({
    mutationFn: async (id: string) => (await request<{ ticket: Ticket; bounces: number }>("POST", `/escalations/${id}/accept`, { body: {} })).data,
    onSuccess: ({ ticket }) => done(ticket),
  });
  const bounce = useMutation({
    mutationFn: async ({ id, reason, suggestedTeamId }: { id: string; reason: string; suggestedTeamId: string | null }) =>
      (await request<{ ticket: Ticket; bounces: number }>("POST", `/escalations/${id}/bounce`, { body: { reason, suggestedTeamId } })).data,
    onSuccess: ({ ticket }) => done(ticket),
  });
  const takeOver = useMutation({
    mutationFn: async (reason: string) =>
      (await request<{ ticket: Ticket; fromAgentId: string | null }>("POST", `/tickets/${number}/take-over`, { body: reason.trim() ? { reason } : {} })).data,
    onSuccess: ({ ticket }) => {
      done(ticket);
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticketEvents(number) });
    },
  });
  return { escalate, accept, bounce, takeOver };
}
