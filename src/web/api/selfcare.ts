// Self-care's API calls for staff: a ticket's journey, the self-service figures.

import { request } from "./client.js";

/** One step of what the customer did in self-care before writing. */
export interface JourneyStep {
  kind: "search" | "article" | "answered" | "request";
  at: string;
  query?: string;
  results?: number;
  slug?: string;
  title?: string;
  helpful?: boolean;
  ticketNumber?: number | null;
}

export interface Journey {
  steps: JourneyStep[];
  summary: { searches: number; articles: number; helped: boolean | null };
}

export interface SelfCareStats {
  from: string;
  to: string;
  deflected: number;
  requests: number;
  ratio: number | null;
  articles: { slug: string; title: string; helpful: number; notHelpful: number }[];
}

/** The customer's self-care journey before they wrote ticket `number`. */
export async function ticketJourney(number: number): Promise<Journey> {
  return (await request<Journey>("GET", `/tickets/${number}/journey`)).data;
}

/** The self-service ratio over [from, to) and the articles that answered. */
export async function selfCareStats(from: string, to: string): Promise<SelfCareStats> {
  return (await request<SelfCareStats>("GET", `/selfcare/stats?${new URLSearchParams({ from, to }).toString()}`)).data;
}
