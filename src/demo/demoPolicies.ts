// The demo's SLA policies, in matching order: VIP customers, payment failures, social media,
// and the default Standard policy with the escalation matrix of the guide (assignee reminded,
// then the assignee, their manager, the regional managers and the head of support; urgent
// tickets start at level 3).

import type { EscalationMatrix, SlaPolicy, TargetMinutes } from "../core/sla/policy.js";
import type { Priority } from "../core/ticket/ticket.js";
import type { PolicyFields } from "../store/sla/policyRows.js";
import type { CalendarKey } from "./workspace.js";

/** The head of support, who the last level of the Standard matrix reaches by name. */
export const HEAD_OF_SUPPORT_LOGIN = "isabelle.peeters";

const targets = (byPriority: Record<Priority, [number, number, number]>): Partial<Record<Priority, TargetMinutes>> =>
  Object.fromEntries(
    Object.entries(byPriority).map(([priority, [first, next, resolution]]) => [priority, { first_response: first, next_response: next, resolution }]),
  );

/** The demo's policies in matching order, given the ids of the demo's calendars and agents. */
export function demoPolicies(ids: { calendars: ReadonlyMap<CalendarKey, string>; agents: ReadonlyMap<string, string> }): PolicyFields[] {
  const brussels = ids.calendars.get("brussels") ?? null;
  const head = ids.agents.get(HEAD_OF_SUPPORT_LOGIN);
  if (!brussels || !head) throw new Error("the demo policies need the Brussels calendar and the head of support");
  const standardMatrix: EscalationMatrix = {
    steps: [
      {
        id: "reminder-assignee",
        kind: "reminder",
        level: 0,
        offsetMinutes: 30,
        clock: "business",
        recipients: [{ kind: "assignee" }],
        actions: [{ type: "notify" }],
      },
      {
        id: "level-1-assignee",
        kind: "level",
        level: 1,
        offsetMinutes: 0,
        clock: "business",
        recipients: [{ kind: "assignee" }],
        actions: [{ type: "notify" }],
      },
      {
        id: "level-2-manager",
        kind: "level",
        level: 2,
        offsetMinutes: 60,
        clock: "business",
        recipients: [{ kind: "assignee_manager" }],
        actions: [{ type: "notify" }, { type: "add_followers" }],
      },
      {
        id: "level-3-regional-managers",
        kind: "level",
        level: 3,
        offsetMinutes: 120,
        clock: "business",
        recipients: [{ kind: "region_managers" }],
        actions: [{ type: "notify" }],
      },
      {
        id: "level-4-head-of-support",
        kind: "level",
        level: 4,
        offsetMinutes: 240,
        clock: "business",
        recipients: [{ kind: "agent", agentId: head }],
        actions: [{ type: "notify" }],
        urgent: true,
      },
    ],
    startLevel: { urgent: 3 },
  };
  const base = { active: true, isDefault: false, pauseStatuses: ["pending", "on_hold"] as SlaPolicy["pauseStatuses"], noteCountsAsResponse: false };
  return [
    {
      ...base,
      name: "VIP",
      conditions: { all: [{ field: "segment", op: "is", value: "vip" }] },
      calendarId: brussels,
      targets: targets({ urgent: [15, 30, 240], high: [30, 60, 480], normal: [60, 120, 960], low: [120, 240, 1920] }),
      matrix: {
        steps: [
          {
            id: "reminder-assignee",
            kind: "reminder",
            level: 0,
            offsetMinutes: 10,
            clock: "business",
            recipients: [{ kind: "assignee" }],
            actions: [{ type: "notify" }],
          },
          {
            id: "level-1-lead",
            kind: "level",
            level: 1,
            offsetMinutes: 0,
            clock: "business",
            recipients: [{ kind: "assignee" }, { kind: "team_lead" }],
            actions: [{ type: "notify" }],
          },
          {
            id: "level-2-head-of-support",
            kind: "level",
            level: 2,
            offsetMinutes: 30,
            clock: "business",
            recipients: [{ kind: "agent", agentId: head }],
            actions: [{ type: "notify" }],
            urgent: true,
          },
        ],
      },
    },
    {
      ...base,
      name: "Paiements / Payment failures",
      conditions: { any: [{ field: "tags", op: "in", value: ["payment-failed", "payment_failed", "double-charge"] }] },
      calendarId: brussels,
      targets: targets({ urgent: [15, 60, 240], high: [30, 60, 480], normal: [30, 60, 480], low: [30, 60, 480] }),
      matrix: {
        steps: [
          {
            id: "reminder-assignee",
            kind: "reminder",
            level: 0,
            offsetMinutes: 10,
            clock: "business",
            recipients: [{ kind: "assignee" }],
            actions: [{ type: "notify" }],
          },
          {
            id: "level-1-lead",
            kind: "level",
            level: 1,
            offsetMinutes: 0,
            clock: "business",
            recipients: [{ kind: "assignee" }, { kind: "team_lead" }],
            actions: [{ type: "notify" }],
          },
          {
            id: "level-2-manager",
            kind: "level",
            level: 2,
            offsetMinutes: 60,
            clock: "business",
            recipients: [{ kind: "assignee_manager" }],
            actions: [{ type: "notify" }],
          },
        ],
      },
    },
    {
      ...base,
      name: "Twitter & Facebook",
      conditions: { all: [{ field: "channel", op: "in", value: ["twitter", "facebook"] }] },
      calendarId: null,
      targets: targets({ urgent: [30, 60, 480], high: [30, 60, 720], normal: [30, 120, 1440], low: [30, 240, 2880] }),
      matrix: {
        steps: [
          {
            id: "level-1-lead",
            kind: "level",
            level: 1,
            offsetMinutes: 0,
            clock: "wall",
            recipients: [{ kind: "assignee" }, { kind: "team_lead" }],
            actions: [{ type: "notify" }],
          },
        ],
      },
    },
    {
      ...base,
      name: "Standard",
      isDefault: true,
      conditions: {},
      calendarId: brussels,
      targets: targets({ urgent: [60, 120, 480], high: [120, 240, 960], normal: [240, 480, 1920], low: [480, 960, 2880] }),
      matrix: standardMatrix,
    },
  ];
}
