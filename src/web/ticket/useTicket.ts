// One ticket with its messages, events and customer (and the customer's tickets), each a query
// of the server-state cache; a notification naming the ticket or a change made here invalidates
// them (see ticketMutations.ts and notifications/useNotifications.ts).

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import * as api from "../api/palier.js";
import type { Customer, Message, Ticket, TicketEvent } from "../api/types.js";
import { useCustomer } from "../directory/useCustomer.js";
import { queryKeys } from "../queries/keys.js";

export interface TicketData {
  ticket: Ticket | null;
  messages: Message[] | null;
  events: TicketEvent[] | null;
  customer: Customer | undefined;
  customerTickets: Ticket[] | null;
  error: unknown;
  /** Reads the ticket, its messages, events and clocks again. */
  reload(): void;
}

export function useTicket(number: number): TicketData {
  const queryClient = useQueryClient();
  const ticket = useQuery({ queryKey: queryKeys.ticket(number), queryFn: () => api.getTicket(number) });
  const messages = useQuery({ queryKey: queryKeys.ticketMessages(number), queryFn: () => api.listMessages(number) });
  // Staff only; a role without it simply has no timeline.
  const events = useQuery({ queryKey: queryKeys.ticketEvents(number), queryFn: () => api.listEvents(number).catch((): TicketEvent[] => []) });
  const customerId = ticket.data?.customerId;
  const customer = useCustomer(customerId);
  const customerTickets = useQuery({
    queryKey: queryKeys.customerTickets(customerId ?? ""),
    queryFn: () => api.customerTickets(customerId ?? "").catch((): Ticket[] => []),
    enabled: Boolean(customerId),
  });

  const reload = useCallback(() => void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(number) }), [queryClient, number]);

  return {
    ticket: ticket.data ?? null,
    messages: messages.data ?? null,
    events: events.data ?? null,
    customer,
    customerTickets: customerTickets.data ?? null,
    error: ticket.error ?? messages.error ?? null,
    reload,
  };
}
