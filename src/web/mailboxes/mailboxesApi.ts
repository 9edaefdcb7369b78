// IMAP mailboxes as admins manage them (/api/v1/admin/mailboxes): the password is write-only,
// the answer says only whether one is set.

import { request } from "../api/client.js";

export type TlsMode = "tls" | "starttls" | "none";
export type MailboxState = "connecting" | "idle" | "polling" | "failing" | "disabled";

export interface MailboxProblem {
  code: string;
  detail: string;
  /** In the reader's language. */
  message: string;
}

export interface Mailbox {
  id: string;
  name: string;
  host: string;
  port: number;
  tls: TlsMode;
  username: string;
  passwordSet: boolean;
  folder: string;
  teamId: string;
  address: string;
  enabled: boolean;
  state: MailboxState;
  failingSince: string | null;
  lastError: MailboxProblem | null;
  lastConnectedAt: string | null;
  lastMessageAt: string | null;
  version: number;
}

export interface MailboxFields {
  name: string;
  host: string;
  port: number;
  tls: TlsMode;
  username: string;
  /** Left out: the stored one is kept. */
  password?: string;
  folder: string;
  teamId: string;
  address: string;
  enabled: boolean;
}

export async function listMailboxes(): Promise<Mailbox[]> {
  return (await request<{ items: Mailbox[] }>("GET", "/admin/mailboxes")).data.items;
}

export async function saveMailbox(id: string | null, fields: MailboxFields): Promise<Mailbox> {
  return (await request<Mailbox>(id === null ? "POST" : "PUT", id === null ? "/admin/mailboxes" : `/admin/mailboxes/${id}`, { body: fields })).data;
}

export async function deleteMailbox(id: string): Promise<void> {
  await request("DELETE", `/admin/mailboxes/${id}`);
}

export async function testMailbox(id: string | null, fields: MailboxFields): Promise<{ ok: boolean; problem: MailboxProblem | null }> {
  const { enabled: _enabled, ...settings } = fields;
  return (await request<{ ok: boolean; problem: MailboxProblem | null }>("POST", "/admin/mailboxes/test", { body: { ...settings, ...(id ? { id } : {}) } }))
    .data;
}
