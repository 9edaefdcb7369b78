// Who may change the rules and the triage settings: admins and managers (`rules.write`); every
// other staff role reads them (`rules.read`) and may try a draft on the latest tickets.

import { can } from "../../core/access/permissions.js";
import type { Principal } from "../api/types.js";
import { usePrincipal } from "../session/SessionProvider.js";

export function canEditRules(principal: Principal): boolean {
  return principal.kind === "agent" && can({ kind: "agent", id: principal.id, role: principal.role, teamId: principal.teamId }, "rules.write");
}

export function useCanEditRules(): boolean {
  return canEditRules(usePrincipal());
}
