// The API calls of guided procedures (docs/procedures.md): the procedures managers write, and a
// ticket's procedures with the progress agents save; the react-query keys they are cached under.

import type { ProcedureSpec } from "../../core/procedure/procedure.js";
import type { ProcedureValue } from "../../core/procedure/progress.js";
import { request } from "../api/client.js";

/** A procedure as the API shows it. */
export interface Procedure extends ProcedureSpec {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A procedure on a ticket, with the progress saved on it. */
export interface TicketProcedure {
  procedure: Procedure;
  done: string[];
  values: Record<string, ProcedureValue>;
  missing: string[];
  updatedById: string | null;
  updatedAt: string | null;
  version: number;
}

/** A procedure as the editor sends it: anything the server will check. */
export type ProcedureInput = Omit<ProcedureSpec, "fields" | "steps"> & {
  steps: { key: string; label: Record<string, string>; articleId: string | null }[];
  fields: { key: string; label: Record<string, string>; kind: string; required: boolean; choices: { key: string; label: Record<string, string> }[] }[];
};

export const procedureKeys = {
  all: ["procedures"] as const,
  one: (id: string) => ["procedures", id] as const,
  ticket: (number: number) => ["tickets", number, "procedures"] as const,
};

const ifMatch = (version: number) => ({ "If-Match": `"${version}"` });

export async function listProcedures(): Promise<Procedure[]> {
  return (await request<{ items: Procedure[] }>("GET", "/procedures")).data.items;
}

export async function getProcedure(id: string): Promise<Procedure> {
  return (await request<Procedure>("GET", `/procedures/${id}`)).data;
}

export async function createProcedure(input: ProcedureInput): Promise<Procedure> {
  return (await request<Procedure>("POST", "/procedures", { body: input })).data;
}

export async function replaceProcedure(id: string, version: number, input: ProcedureInput): Promise<Procedure> {
  return (await request<Procedure>("PUT", `/procedures/${id}`, { body: input, headers: ifMatch(version) })).data;
}

export async function deleteProcedure(id: string, version: number): Promise<void> {
  await request<unknown>("DELETE", `/procedures/${id}`, { headers: ifMatch(version) });
}

export async function ticketProcedures(number: number): Promise<TicketProcedure[]> {
  return (await request<{ items: TicketProcedure[] }>("GET", `/tickets/${number}/procedures`)).data.items;
}

export async function saveProgress(
  number: number,
  procedureId: string,
  progress: { done: string[]; values: Record<string, string> },
): Promise<TicketProcedure> {
  return (await request<TicketProcedure>("PUT", `/tickets/${number}/procedures/${procedureId}`, { body: progress })).data;
}
