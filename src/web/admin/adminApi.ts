// The admin screens' API calls: a page of agents, teams, customers or organizations with a
// search and filters, one record, its creation, its conditional update, and an agent's password.

import { request, type Query } from "../api/client.js";
import type { Page } from "../api/types.js";
import type { FieldsOf, RecordKind, RecordOf } from "./adminTypes.js";

export async function listRecords<K extends RecordKind>(kind: K, query: Query): Promise<Page<RecordOf[K]>> {
  return (await request<Page<RecordOf[K]>>("GET", `/${kind}`, { query })).data;
}

export async function getRecord<K extends RecordKind>(kind: K, id: string): Promise<RecordOf[K]> {
  return (await request<RecordOf[K]>("GET", `/${kind}/${id}`)).data;
}

export async function createRecord<K extends RecordKind>(kind: K, fields: FieldsOf<K>): Promise<RecordOf[K]> {
  return (await request<RecordOf[K]>("POST", `/${kind}`, { body: fields })).data;
}

/** Changes a record if it is still at `version`; a 409 `version_conflict` otherwise. */
export async function updateRecord<K extends RecordKind>(kind: K, id: string, version: number, changes: FieldsOf<K>): Promise<RecordOf[K]> {
  return (await request<RecordOf[K]>("PATCH", `/${kind}/${id}`, { body: changes, headers: { "If-Match": `"${version}"` } })).data;
}

/** A new generated password for an agent, shown once; their sessions end. */
export async function newAgentPassword(id: string): Promise<string> {
  return (await request<{ password: string }>("POST", `/agents/${id}/password`)).data.password;
}

/** Every record of a small kind (organizations for a picker), following cursors up to `pages` pages. */
export async function allRecords<K extends RecordKind>(kind: K, pages = 10): Promise<RecordOf[K][]> {
  const items: RecordOf[K][] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const answer: Page<RecordOf[K]> = await listRecords(kind, { limit: 200, cursor });
    items.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return items;
}
