// Loads one ticket with its messages, events and customer (and the customer's tickets), and
// lets the screen replace parts after a change or reload everything after a conflict, or when a
// notification says the ticket changed (an escalation fired on it).

import { useCallback, useEffect, useState } from "react";
import * as api from "../api/palier.js";
import type { Customer, Message, Ticket, TicketEvent } from "../api/types.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useTicketChanges } from "../notifications/ticketSignals.js";

export interface TicketData {
  ticket: Ticket | null;
  messages: Message[] | null;
  events: TicketEvent[] | null;
  customer: Customer | undefined;
  customerTickets: Ticket[] | null;
  error: unknown;
  /** The latest ticket from an answer (PATCH, a new message); refreshes the timeline. */
  setTicket(ticket: Ticket): void;
  addMessage(message: Message): void;
  reload(): void;
}

export function useTicket(number: number): TicketData {
  const { customers, rememberCustomer } = useDirectory();
  const [ticket, setTicketState] = useState<Ticket | null>(null);
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [events, setEvents] = useState<TicketEvent[] | null>(null);
  const [customerTickets, setCustomerTickets] = useState<Ticket[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [eventsVersion, setEventsVersion] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([api.getTicket(number), api.listMessages(number)]).then(
      ([loadedTicket, loadedMessages]) => {
        if (!live) return;
        setError(null);
        setTicketState(loadedTicket);
        setMessages(loadedMessages);
      },
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [number, attempt]);

  useEffect(() => {
    let live = true;
    // Staff only; a role without it simply has no timeline.
    api.listEvents(number).then(
      (items) => live && setEvents(items),
      () => live && setEvents([]),
    );
    return () => {
      live = false;
    };
  }, [number, attempt, eventsVersion]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useTicketChanges(number, reload);

  const customerId = ticket?.customerId;
  useEffect(() => {
    if (!customerId) return;
    let live = true;
    api.getCustomer(customerId).then(
      (customer) => live && rememberCustomer(customer),
      () => undefined,
    );
    api.customerTickets(customerId).then(
      (items) => live && setCustomerTickets(items),
      () => live && setCustomerTickets([]),
    );
    return () => {
      live = false;
    };
  }, [customerId, rememberCustomer]);

  return {
    ticket,
    messages,
    events,
    customer: customerId ? customers.get(customerId) : undefined,
    customerTickets,
    error,
    setTicket: useCallback((next: Ticket) => {
      setTicketState(next);
      setEventsVersion((n) => n + 1);
    }, []),
    addMessage: useCallback((message: Message) => setMessages((before) => [...(before ?? []), message]), []),
    reload,
  };
}
