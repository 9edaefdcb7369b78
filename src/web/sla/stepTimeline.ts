// A clock's escalation steps as the ticket's SLA panel lists them: the current plan in due
// order, each with when it fires relative to the due time and whom it reaches by name, and
// apart, the timers a re-plan left behind (cancelled, planned against an earlier due time, or
// of a step the policy no longer has).

import type { ClockTimer, MatrixStep, Policy, Recipient, TicketClock } from "../api/slaTypes.js";
import type { Priority } from "../api/types.js";
import type { MessageKey, Params } from "../i18n/messages.js";
import { formatDuration } from "./duration.js";
import { whenText } from "./stepSummary.js";

export interface PanelWords {
  locale: "en" | "fr" | "nl";
  t(key: MessageKey, params?: Params): string;
}

/** The people a step may name: agents with their manager, teams with their lead. */
export interface PanelDirectory {
  agent(id: string | null | undefined): { name: string; managerId?: string | null } | undefined;
  team(id: string | null | undefined): { name: string; leadId?: string | null } | undefined;
}

/** Who holds the ticket, as far as recipients care. */
export interface TicketHolders {
  assigneeId: string | null;
  teamId: string | null;
  priority: Priority;
}

/**
 * Why a timer is not part of the current plan: dropped by a re-plan, not needed once the clock
 * stopped, held while it is paused, fired against an earlier due time, or of a removed step.
 */
export type Replaced = "cancelled" | "stopped" | "paused" | "earlierDue" | "removedStep";

export interface StepRow {
  timer: ClockTimer;
  step: MatrixStep | null;
  /** "+4h after due", "30m of business time before due". */
  when: string;
  /** The recipients by name ("Thomas Lefebvre (Assignee)"), joined as a list; "" when none is known. */
  who: string;
  replaced: Replaced | null;
}

const MINUTE = 60_000;

/** One recipient by name on this ticket, with its role; the role's words when nobody holds it. */
export function recipientName(recipient: Recipient, ticket: TicketHolders | null, directory: PanelDirectory, words: PanelWords): string {
  const { t } = words;
  type Role = "assignee" | "assignee_manager" | "team_lead";
  const named = (name: string | undefined, kind: Role) =>
    name ? t("sla.step.namedRole", { name, role: t(`matrix.recipient.${kind}`) }) : t(`matrix.recipient.${kind}.text`);
  switch (recipient.kind) {
    case "assignee":
      return named(directory.agent(ticket?.assigneeId)?.name, "assignee");
    case "assignee_manager":
      return named(directory.agent(directory.agent(ticket?.assigneeId)?.managerId)?.name, "assignee_manager");
    case "team_lead":
      return named(directory.agent(directory.team(ticket?.teamId)?.leadId)?.name, "team_lead");
    case "agent":
      return directory.agent(recipient.agentId)?.name ?? t("matrix.recipient.someAgent");
    case "team":
      return t("matrix.recipient.teamNamed", { name: directory.team(recipient.teamId)?.name ?? "?" });
    case "region_managers":
      return t("matrix.recipient.region_managers.text");
    case "on_call":
      return t("matrix.recipient.on_call.text");
  }
}

/**
 * Whether a fired timer was planned against another due time than the clock's current one: a
 * wall-clock step lands exactly its offset from due (within a minute); a business-time step lands
 * on the right side of due and at least its offset away (business time never runs faster).
 */
function plannedForEarlierDue(timer: ClockTimer, step: MatrixStep, clock: TicketClock, shiftMinutes: number): boolean {
  if (!clock.dueAt) return false;
  const from = new Date(timer.dueAt).getTime() - new Date(clock.dueAt).getTime();
  const offset = (step.kind === "reminder" ? -step.offsetMinutes : step.offsetMinutes - shiftMinutes) * MINUTE;
  if (step.clock === "wall") return Math.abs(from - offset) > MINUTE && !(step.kind === "level" && from > offset);
  return step.kind === "reminder" ? from > MINUTE || from > offset + MINUTE : from < offset - MINUTE;
}

/** The offset the start level shifts levels by, as the engine plans them (src/core/sla/matrix.ts). */
function levelShift(policy: Policy, clock: TicketClock, priority: Priority | undefined): number {
  const startLevel = priority ? (policy.matrix.startLevel?.[priority] ?? 0) : 0;
  if (startLevel <= 0) return 0;
  const levels = policy.matrix.steps.filter(
    (s) =>
      s.kind === "level" &&
      s.level >= startLevel &&
      (!s.targets || s.targets.includes(clock.target)) &&
      (!s.priorities || !priority || s.priorities.includes(priority)),
  );
  return levels.length > 0 ? Math.min(...levels.map((s) => s.offsetMinutes)) : 0;
}

/**
 * The rows of `clock`'s timers: the current plan first, in due order, then the replaced ones.
 * Without the policy (not readable), every timer is current and its offset is read from the instants.
 */
export function stepRows(clock: TicketClock, policy: Policy | null, ticket: TicketHolders | null, directory: PanelDirectory, words: PanelWords): StepRow[] {
  const steps = new Map((policy?.matrix.steps ?? []).map((step) => [step.id, step]));
  const shift = policy ? levelShift(policy, clock, ticket?.priority) : 0;
  const list = (items: string[]) => new Intl.ListFormat(words.locale, { type: "conjunction" }).format(items);
  const rows = clock.timers.map((timer): StepRow => {
    const step = steps.get(timer.stepId) ?? null;
    const replaced: Replaced | null =
      timer.state === "cancelled"
        ? clock.state === "running"
          ? "cancelled"
          : clock.state === "paused"
            ? "paused"
            : "stopped"
        : policy && !step
          ? "removedStep"
          : step && timer.state === "fired" && plannedForEarlierDue(timer, step, clock, shift)
            ? "earlierDue"
            : null;
    const when = step ? whenText(step, { ...words, agentName: () => undefined, teamName: () => undefined }) : offsetText(timer, clock, words);
    const who = step ? list(step.recipients.map((r) => recipientName(r, ticket, directory, words))) : "";
    return { timer, step, when, who, replaced };
  });
  const byDue = (a: StepRow, b: StepRow) => a.timer.dueAt.localeCompare(b.timer.dueAt) || a.timer.level - b.timer.level;
  return [...rows.filter((r) => r.replaced === null).sort(byDue), ...rows.filter((r) => r.replaced !== null).sort(byDue)];
}

/** A timer's distance from the clock's due time, from the instants: "+4h after due" in calendar time. */
function offsetText(timer: ClockTimer, clock: TicketClock, words: PanelWords): string {
  if (!clock.dueAt) return "";
  const ms = new Date(timer.dueAt).getTime() - new Date(clock.dueAt).getTime();
  if (Math.abs(ms) < MINUTE) return words.t("matrix.summary.atDue");
  const offset = formatDuration(ms / 1000, words.locale, false);
  return ms < 0 ? words.t("matrix.summary.before", { offset }) : words.t("matrix.summary.after", { offset });
}
