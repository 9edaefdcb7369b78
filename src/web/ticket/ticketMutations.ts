// The changes an agent makes to a ticket, as mutations that put the server's answer in the
// cache and invalidate what the change moves: the timeline, the SLA clocks, the lists and counts.

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client.js";
import * as api from "../api/palier.js";
import type { Message, MessageKind, Tag, Ticket, TicketChanges } from "../api/types.js";
import { queryKeys } from "../queries/keys.js";

/** After a ticket changed: its answer cached, what derives from it read again. */
export function ticketChanged(queryClient: QueryClient, ticket: Ticket): void {
  queryClient.setQueryData(queryKeys.ticket(ticket.number), ticket);
  void queryClient.invalidateQueries({ queryKey: queryKeys.ticketEvents(ticket.number) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.ticketClocks(ticket.number) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.ticketLists });
  void queryClient.invalidateQueries({ queryKey: queryKeys.ticketCounts });
}

/** Whether `error` is the answer to a PATCH sent with a stale version. */
export const isVersionConflict = (error: unknown): boolean => error instanceof ApiError && error.status === 409 && error.code === "version_conflict";

export interface TicketUpdate {
  ticket: Ticket;
  changes: TicketChanges;
}

/** PATCH with If-Match; a conflict reloads the ticket, a new tag reloads the tags. */
export function useUpdateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticket, changes }: TicketUpdate) => api.updateTicket(ticket.number, ticket.version, changes),
    onSuccess: (saved, { changes }) => {
      ticketChanged(queryClient, saved);
      const known = queryClient.getQueryData<Tag[]>(queryKeys.tags) ?? [];
      if (changes.tags?.some((tag) => !known.some((tagged) => tagged.name === tag))) void queryClient.invalidateQueries({ queryKey: queryKeys.tags });
    },
    onError: (error, { ticket }) => {
      if (isVersionConflict(error)) void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.number) });
    },
  });
}

export interface NewMessage {
  number: number;
  kind: MessageKind;
  text: string;
  /** An internal note's mentioned agents, by id. */
  mentions?: string[];
  /** A note a lead or manager writes as a reply the mentioned agents may send. */
  suggestion?: boolean;
}

/** A reply or an internal note: appended to the conversation, the ticket's new state cached. */
export function useAddMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ number, kind, text, mentions, suggestion }: NewMessage) =>
      api.addMessage(number, kind, text, mentions?.length ? { mentions, ...(suggestion ? { suggestion } : {}) } : {}),
    onSuccess: ({ message, ticket }, { number }) => {
      queryClient.setQueryData<Message[]>(queryKeys.ticketMessages(number), (before) => [...(before ?? []), message]);
      ticketChanged(queryClient, ticket);
    },
  });
}
