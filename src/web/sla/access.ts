// Who may change the SLA setup: admins and managers edit calendars and policies; every other
// staff role (sla.read) sees them read-only. The outbox and the mailbox are the admin's.

import type { Principal } from "../api/types.js";
import { usePrincipal } from "../session/SessionProvider.js";

export function canManageSla(principal: Principal): boolean {
  return principal.kind === "agent" && (principal.role === "admin" || principal.role === "manager");
}

export function isAdmin(principal: Principal): boolean {
  return principal.kind === "agent" && principal.role === "admin";
}

export function useCanManageSla(): boolean {
  return canManageSla(usePrincipal());
}
