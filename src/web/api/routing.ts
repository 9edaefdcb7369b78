// Routing's API calls: a team's queue.

import { request } from "./client.js";

/** A ticket waiting in its team's queue. */
export interface QueuedTicket {
  number: number;
  subject: string;
  priority: string;
  language: string | null;
  channel: string;
  queuedAt: string;
  createdAt: string;
}

/** The tickets waiting in the team's queue, oldest first. */
export async function getTeamQueue(teamId: string): Promise<QueuedTicket[]> {
  return (await request<{ items: QueuedTicket[] }>("GET", `/teams/${teamId}/queue`)).data.items;
}
