// Procedures on a ticket: the ones its tags and team call for with the progress saved on it, an
// agent's progress saved (a `procedure` event with what changed, who and when), and the required
// procedures an escalation must not skip.

import { appliesTo } from "../../core/procedure/procedure.js";
import type { ProcedureField, ProcedureSpec } from "../../core/procedure/procedure.js";
import { changesSomething, checkProgress, currentProgress, missingFields, type ProcedureProgress, progressChange } from "../../core/procedure/progress.js";
import type { Db } from "../../store/database.js";
import { NotFoundError } from "../../store/errors.js";
import { writeEvents } from "../../store/events.js";
import { getProcedure, type ProcedureRow, proceduresFor, saveProgress, ticketProgress } from "../../store/procedures.js";
import { getTicket, lockTicket } from "../../store/tickets/ticketRows.js";
import type { Work } from "../work.js";

/** A procedure as a ticket shows it: the procedure, the progress saved (steps and fields it no longer has dropped), who saved it and when. */
export interface TicketProcedure {
  procedure: ProcedureRow;
  progress: ProcedureProgress;
  /** The required fields still empty. */
  missing: ProcedureField[];
  updatedById: string | null;
  updatedAt: Date | null;
  version: number;
}

/** The procedures ticket `number` calls for, with its progress on each; NotFoundError for no ticket. */
export async function ticketProcedures(db: Db, number: number): Promise<TicketProcedure[]> {
  const ticket = await getTicket(db, number);
  if (!ticket) throw new NotFoundError("ticket", number);
  const [rows, saved] = await Promise.all([proceduresFor(db, ticket), ticketProgress(db, number)]);
  return rows.map((procedure) => {
    const row = saved.get(procedure.id);
    const progress = currentProgress(procedure, row);
    return {
      procedure,
      progress,
      missing: missingFields(procedure, progress),
      updatedById: row?.updatedById ?? null,
      updatedAt: row?.updatedAt ?? null,
      version: row?.version ?? 0,
    };
  });
}

export interface RecordProgressProps {
  number: number;
  procedureId: string;
  /** The keys of every step done, and every value collected (empty clears), as the agent leaves them. */
  progress: { done?: unknown; values?: unknown };
}

/**
 * Saves the agent's progress on a procedure the ticket calls for, with a `procedure` event naming
 * what changed; a save that changes nothing writes nothing. Throws NotFoundError when the ticket
 * or the procedure does not exist or does not apply to the ticket, ProcedureInvalid for a step or
 * field the procedure does not have or a value of the wrong kind.
 */
export async function recordProgress(work: Work, props: RecordProgressProps): Promise<TicketProcedure> {
  const { tx, now, actor } = work;
  const ticket = await lockTicket(tx, props.number);
  const procedure = await getProcedure(tx, props.procedureId);
  if (!procedure || !appliesTo(procedure, ticket)) throw new NotFoundError("procedure", props.procedureId);
  const progress = checkProgress(procedure, props.progress);
  const saved = (await ticketProgress(tx, ticket.number)).get(procedure.id);
  const before = currentProgress(procedure, saved);
  const change = progressChange(procedure, before, progress);
  let row = saved;
  if (changesSomething(change)) {
    const agentId = actor.type === "agent" ? (actor.id ?? null) : null;
    row = await saveProgress(tx, { ticketNumber: ticket.number, procedureId: procedure.id, progress, agentId, now, previous: saved });
    await writeEvents(tx, [
      { ticketNumber: ticket.number, at: now, actor, type: "procedure", data: { procedureId: procedure.id, names: procedure.names, ...change } },
    ]);
  }
  return {
    procedure,
    progress: currentProgress(procedure, row),
    missing: missingFields(procedure, progress),
    updatedById: row?.updatedById ?? null,
    updatedAt: row?.updatedAt ?? null,
    version: row?.version ?? 0,
  };
}

/** The required procedures of a ticket whose required fields are not all collected, with what is missing. */
export async function incompleteRequired(db: Db, number: number): Promise<{ procedure: Pick<ProcedureSpec, "names">; missing: ProcedureField[] }[]> {
  return (await ticketProcedures(db, number)).filter((p) => p.procedure.required && p.missing.length > 0);
}
