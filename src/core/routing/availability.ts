// Whether an agent can take a ticket at an instant: active, not out of office, within their
// working hours, under their capacity. Time is an argument; working hours are a calendar.

/** What routing knows of one agent of the team. */
export interface RoutingAgent {
  id: string;
  name: string;
  active: boolean;
  /** Languages spoken (fr, nl, en…). */
  languages: readonly string[];
  /** Product codes the agent knows. */
  products: readonly string[];
  /** Channels the agent works; empty: all of them. */
  channels: readonly string[];
  /** Free skill tags ("billing", "api"). */
  skills: readonly string[];
  /** Open tickets the agent can carry at once. */
  capacity: number;
  /** Open tickets the agent carries now. */
  load: number;
  /** Out of office from this instant (inclusive) until `outOfOfficeUntil` (exclusive; null: until further notice). */
  outOfOfficeFrom: Date | null;
  outOfOfficeUntil: Date | null;
  /** The agent's working hours (their calendar, else their team's); absent: always at work. */
  hours?: { isOpen(at: number): boolean };
}

/** Why an agent cannot take a ticket now; null: they can. */
export type Unavailability = "inactive" | "out_of_office" | "outside_hours" | "at_capacity";

/** Whether the agent is out of office at `at`: from `outOfOfficeFrom` (inclusive) to `outOfOfficeUntil` (exclusive). */
export function isOutOfOffice(agent: Pick<RoutingAgent, "outOfOfficeFrom" | "outOfOfficeUntil">, at: Date): boolean {
  const from = agent.outOfOfficeFrom;
  if (from === null) return false;
  const until = agent.outOfOfficeUntil;
  return from.getTime() <= at.getTime() && (until === null || at.getTime() < until.getTime());
}

/** Why `agent` cannot take a ticket at `at`, checked in this order: inactive, out of office, outside hours, at capacity; null when they can. */
export function unavailability(agent: RoutingAgent, at: Date): Unavailability | null {
  if (!agent.active) return "inactive";
  if (isOutOfOffice(agent, at)) return "out_of_office";
  if (agent.hours && !agent.hours.isOpen(at.getTime())) return "outside_hours";
  if (agent.load >= agent.capacity) return "at_capacity";
  return null;
}

/** Whether `agent` can take a ticket at `at`: active, not out of office, within working hours, under capacity. */
export function isAvailable(agent: RoutingAgent, at: Date): boolean {
  return unavailability(agent, at) === null;
}

/** An out-of-office span that ends before it starts, named by its field. */
export class OutOfOfficeInvalid extends Error {
  readonly problems: readonly { path: string; code: string; params?: Record<string, string | number>; message: string }[];
  constructor() {
    super("outOfOfficeUntil: ends before it starts");
    this.name = "OutOfOfficeInvalid";
    this.problems = [{ path: "outOfOfficeUntil", code: "ends_before_start", message: "ends before it starts" }];
  }
}

/** Throws OutOfOfficeInvalid when `until` is not after `from` (either absent: nothing to check). */
export function checkOutOfOffice(from: Date | null | undefined, until: Date | null | undefined): void {
  if (from && until && until.getTime() <= from.getTime()) throw new OutOfOfficeInvalid();
}
