// The server-state cache's keys, one per resource, nested so that invalidating a ticket
// (`tickets.one(n)`) also refreshes its messages, events and clocks.

import type { Query } from "../api/client.js";

export const queryKeys = {
  /** Every ticket list and the views' counts: what any ticket change may move. */
  ticketLists: ["ticketLists"] as const,
  ticketList: (query: Query) => ["ticketLists", query] as const,
  ticketCounts: ["ticketCounts"] as const,
  ticket: (number: number) => ["tickets", number] as const,
  ticketMessages: (number: number) => ["tickets", number, "messages"] as const,
  ticketEvents: (number: number) => ["tickets", number, "events"] as const,
  ticketClocks: (number: number) => ["tickets", number, "clocks"] as const,
  customer: (id: string) => ["customers", id] as const,
  customerTickets: (id: string) => ["customers", id, "tickets"] as const,
  agents: ["agents"] as const,
  teams: ["teams"] as const,
  tags: ["tags"] as const,
  products: ["products"] as const,
  notifications: ["notifications"] as const,
  policies: ["slaPolicies"] as const,
  policy: (id: string) => ["slaPolicies", id] as const,
  calendars: ["calendars"] as const,
  calendar: (id: string) => ["calendars", id] as const,
  job: (id: string) => ["jobs", id] as const,
  mailbox: ["mailbox"] as const,
  deadDeliveries: ["deadDeliveries"] as const,
  rules: ["rules"] as const,
  rule: (id: string) => ["rules", id] as const,
  triageSettings: ["triageSettings"] as const,
};
