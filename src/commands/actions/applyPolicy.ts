// apply_policy: puts the ticket under the named SLA policy, above the policies' own conditions,
// for as long as that policy is active. The clocks follow in the same unit of work: the
// `sla_policy` event says the policy was applied by a rule.

import { loadPolicies } from "../../store/sla/policies.js";
import { applyChanges } from "../tickets/applyChanges.js";
import type { TicketAction } from "./ticketAction.js";

export const applyPolicy: TicketAction<{ type: "apply_policy"; policyId: string }> = {
  type: "apply_policy",
  writes: true,
  async run({ work, ticket, changeCause }, action) {
    const policies = (work.clocks.policies ??= await loadPolicies(work.tx));
    const policy = policies.find((p) => p.id === action.policyId);
    if (!policy) return { skipped: [{ why: "unknown_policy", policyId: action.policyId }] };
    if (ticket.slaPolicyId === policy.id) return { skipped: [{ why: "already_policy", policyId: policy.id }] };
    return {
      ticket: await applyChanges(work, { ticket, changes: { slaPolicyId: policy.id }, cause: changeCause }),
      done: [{ type: "policy_applied", policyId: policy.id, name: policy.name }],
    };
  },
};
