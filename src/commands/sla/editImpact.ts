// The impact of a policy or calendar edit already applied in the unit of work (a dry run rolls it
// back afterwards): the open tickets it may touch are re-planned by the recompute's own bulk path,
// their clocks and timers compared before and after, and what the timer worker would fire at once
// counted. A bounded number of tickets is examined, so that a dry run cannot stall the server.

import { type EditImpact, editImpact } from "../../core/sla/editImpact.js";
import { loadDirectory } from "../../store/directory.js";
import { readClockStates } from "../../store/sla/clockRows.js";
import { impactTickets, openTicketsTouched } from "../../store/sla/impactRows.js";
import { loadPolicies } from "../../store/sla/policies.js";
import { inSavepoint, type Work } from "../work.js";
import { recomputeTickets } from "./recompute.js";

/** The most open tickets a dry run examines. */
export const IMPACT_TICKETS = 1000;
const BATCH = 200;

export interface EditImpactProps {
  /** The edited policy (or the policies on the edited calendar)… */
  policyIds: readonly string[];
  /** …or the edited calendar. */
  calendarId: string | null;
  /** Whether the edit may change which policy applies (conditions, active, default): every open ticket is examined then. */
  everyOpen: boolean;
  /** The most tickets to examine (default {@link IMPACT_TICKETS}). */
  limit?: number;
}

/** What the edit made in `work` does to open tickets; `truncated` when more tickets than `limit` could be touched. */
export async function impactOfEdit(work: Work, props: EditImpactProps): Promise<EditImpact & { truncated: boolean }> {
  const { tx, now } = work;
  const limit = props.limit ?? IMPACT_TICKETS;
  const touched = await openTicketsTouched(tx, props, limit + 1);
  const numbers = touched.slice(0, limit);
  const before = await readClockStates(tx, numbers);
  for (let i = 0; i < numbers.length; i += BATCH) {
    const batch = numbers.slice(i, i + BATCH);
    // The tickets it leaves (held elsewhere, failing) keep their clocks: they show no impact.
    await inSavepoint(work, (w) => recomputeTickets(w, { numbers: batch })).catch(() => undefined);
  }
  const after = await readClockStates(tx, numbers);
  const policies = await loadPolicies(tx);
  const tickets = await impactTickets(tx, numbers);
  const directory = await loadDirectory(
    tx,
    tickets,
    policies.flatMap((p) => p.matrix.steps),
  );
  const empty = { clocks: [], timers: [] };
  const policyIds = new Set(props.policyIds);
  const impact = editImpact({
    tickets: tickets.map((t) => ({ ...t, before: before.get(t.number) ?? empty, after: after.get(t.number) ?? empty })),
    concerns: (clock) => policyIds.has(clock.policyId) || (props.calendarId !== null && clock.calendarId === props.calendarId),
    policies: new Map(policies.map((p) => [p.id, p])),
    directory,
    now: now.getTime(),
  });
  return { ...impact, truncated: touched.length > limit };
}
