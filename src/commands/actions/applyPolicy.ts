// apply_policy: names the SLA policy a rule wants on the ticket. Policies apply by their own
// conditions (src/core/sla/conditions.ts), and a ticket does not hold a chosen policy yet: the
// action says so as a failure, after checking the policy exists, rather than pretend.

import { loadPolicies } from "../../store/sla/policies.js";
import type { TicketAction } from "./ticketAction.js";

export const applyPolicy: TicketAction<{ type: "apply_policy"; policyId: string }> = {
  type: "apply_policy",
  writes: false,
  async run({ work }, action) {
    const policies = (work.clocks.policies ??= await loadPolicies(work.tx));
    if (!policies.some((p) => p.id === action.policyId)) return { skipped: [{ why: "unknown_policy", policyId: action.policyId }] };
    return { skipped: [{ why: "failed", message: "a ticket cannot hold a chosen SLA policy yet: policies apply by their conditions" }] };
  },
};
