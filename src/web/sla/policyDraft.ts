// A policy as the editor starts it, and the small edits the matrix editor makes: new steps with
// stable ids, recipients toggled, and the input sent to the API.

import type { MatrixStep, Policy, PolicyInput, Recipient, StepAction } from "../api/slaTypes.js";

/** A new policy: active, 24/7, pausing while pending or on hold, no targets and no matrix yet. */
export function newPolicy(): PolicyInput {
  return {
    name: "",
    active: true,
    isDefault: false,
    conditions: { all: [] },
    calendarId: null,
    targets: {},
    pauseStatuses: ["pending", "on_hold"],
    noteCountsAsResponse: false,
    callCountsAsResponse: false,
    matrix: { steps: [] },
  };
}

export function inputOf(policy: Policy): PolicyInput {
  return {
    name: policy.name,
    active: policy.active,
    isDefault: policy.isDefault,
    conditions: policy.conditions ?? {},
    calendarId: policy.calendarId,
    targets: policy.targets ?? {},
    pauseStatuses: policy.pauseStatuses ?? [],
    noteCountsAsResponse: policy.noteCountsAsResponse,
    callCountsAsResponse: policy.callCountsAsResponse ?? false,
    matrix: policy.matrix ?? { steps: [] },
  };
}

function stepId(taken: readonly MatrixStep[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `step-${n}`;
    if (!taken.some((step) => step.id === id)) return id;
  }
}

/** A new step after the others: the next level, an hour after the previous one, notifying the assignee's manager. */
export function newStep(steps: readonly MatrixStep[], kind: MatrixStep["kind"] = "level"): MatrixStep {
  const levels = steps.filter((step) => step.kind === "level");
  const last = levels[levels.length - 1];
  if (kind === "reminder") {
    return { id: stepId(steps), kind, level: 0, offsetMinutes: 30, clock: "business", recipients: [{ kind: "assignee" }], actions: [{ type: "notify" }] };
  }
  return {
    id: stepId(steps),
    kind,
    level: (last?.level ?? 0) + 1,
    offsetMinutes: last ? last.offsetMinutes + 60 : 0,
    clock: "business",
    recipients: [{ kind: last ? "assignee_manager" : "assignee" }],
    actions: [{ type: "notify" }],
  };
}

const sameRecipient = (a: Recipient, b: Recipient) => JSON.stringify(a) === JSON.stringify(b);

/** `recipients` with `recipient` added or removed. */
export function toggleRecipient(recipients: readonly Recipient[], recipient: Recipient, on: boolean): Recipient[] {
  const without = recipients.filter((r) => !sameRecipient(r, recipient));
  return on ? [...without, recipient] : without;
}

/** A fresh action of `type` with its required fields. */
export function newAction(type: StepAction["type"]): StepAction {
  switch (type) {
    case "set_tier":
      return { type, tier: "L2" };
    case "add_note":
      return { type, text: "" };
    case "webhook":
      return { type, url: "https://", secret: "" };
    default:
      return { type } as StepAction;
  }
}
