// Received mail as admins read it (GET /api/v1/admin/mail) and taking a kept message again.

import { request } from "../api/client.js";

export type MailOutcome = "ticket" | "reply" | "automated" | "bounce" | "error";

export interface ReceivedMail {
  id: string;
  outcome: MailOutcome;
  messageId: string | null;
  ticketNumber: number | null;
  from: string | null;
  to: string[];
  subject: string;
  automated: { kind: string; reason: string } | null;
  problems: { code: string; detail: string }[];
  size: number;
  receivedAt: string;
}

export async function listReceivedMail(outcome: MailOutcome | null): Promise<ReceivedMail[]> {
  const answer = await request<{ items: ReceivedMail[] }>("GET", "/admin/mail", { query: { limit: 100, ...(outcome ? { outcome } : {}) } });
  return answer.data.items;
}

export async function reprocessMail(id: string): Promise<{ outcome: string; ticketNumber: number | null }> {
  return (await request<{ outcome: string; ticketNumber: number | null }>("POST", `/admin/mail/${id}/reprocess`, { body: {} })).data;
}

/** Where the message's bytes are downloaded (same origin, the session's cookie). */
export const rawMailUrl = (id: string) => `/api/v1/admin/mail/${id}/raw`;
