// The social networks' API as the app reads it (docs/social.md).

import { request } from "../api/client.js";

export type Network = "twitter" | "facebook";

export interface SocialPost {
  id: string;
  network: Network;
  kind: "mention" | "reply" | "direct_message";
  threadId: string;
  text: string;
  author: { id: string; handle: string; name: string; verified: boolean; followers: number; bio: string };
  flags: ("verified" | "influential")[];
  customerId: string;
  ticketNumber: number | null;
  negative: boolean;
  writtenAt: string;
  receivedAt: string;
  escalatedAt: string | null;
}

export interface Incident {
  id: string;
  kind: string;
  channel: string;
  data: { count?: number; windowMinutes?: number };
  raisedAt: string;
  closedAt: string | null;
}

export interface NetworkConnection {
  network: Network;
  configured: boolean;
  connectorUrl: string | null;
  influenceThreshold: number;
  updatedAt: string | null;
}

export async function listSocialPosts(): Promise<{ items: SocialPost[]; incidents: Incident[] }> {
  return (await request<{ items: SocialPost[]; incidents: Incident[] }>("GET", "/social/posts", { query: { limit: 100 } })).data;
}

export async function authorHistory(id: string): Promise<SocialPost[]> {
  return (await request<{ items: SocialPost[] }>("GET", `/social/posts/${id}/history`)).data.items;
}

export async function escalatePost(id: string, body: { priority?: string; tags?: string[] }): Promise<void> {
  await request("POST", `/social/posts/${id}/escalate`, { body });
}

export async function closeIncident(id: string): Promise<void> {
  await request("POST", `/social/incidents/${id}/close`, { body: {} });
}

export async function listConnections(): Promise<NetworkConnection[]> {
  return (await request<{ items: NetworkConnection[] }>("GET", "/social/networks")).data.items;
}

export async function saveConnection(
  network: Network,
  body: { secret?: string; connectorUrl?: string | null; influenceThreshold?: number },
): Promise<NetworkConnection> {
  return (await request<NetworkConnection>("PUT", `/social/networks/${network}`, { body })).data;
}

export async function ticketSocial(number: number): Promise<SocialPost[]> {
  return (await request<{ items: SocialPost[] }>("GET", `/tickets/${number}/social`)).data.items;
}
