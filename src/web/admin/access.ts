// What the signed-in agent may see and change under /admin, from the permission matrix
// (docs/permissions.md): admins everything; managers teams, organizations and customers, and
// agents read-only; the other roles have no admin section (the inbox serves them).

import { can } from "../../core/access/permissions.js";
import type { Principal } from "../api/types.js";
import { usePrincipal } from "../session/SessionProvider.js";
import type { RecordKind } from "./adminTypes.js";

/** Whether the admin section is offered at all. */
export function canOpenAdmin(principal: Principal): boolean {
  return principal.kind === "agent" && (principal.role === "admin" || principal.role === "manager");
}

/** Whether the principal may create and change records of `kind`. */
export function canWrite(principal: Principal, kind: RecordKind): boolean {
  return can(corePrincipal(principal), `${kind}.write`);
}

/** The mailbox and the outbox. */
export function canSeeDeliveries(principal: Principal): boolean {
  return can(corePrincipal(principal), "outbox.admin");
}

export function useCanWrite(kind: RecordKind): boolean {
  return canWrite(usePrincipal(), kind);
}

function corePrincipal(principal: Principal) {
  return principal.kind === "agent"
    ? { kind: "agent" as const, id: principal.id, role: principal.role, teamId: principal.teamId }
    : { kind: "customer" as const, id: principal.id };
}
