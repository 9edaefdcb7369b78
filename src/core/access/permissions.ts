// Who may do what: the permission matrix of roles, and the customer scope. docs/permissions.md
// renders this table; the API checks every route against it.

export const ROLES = ["admin", "manager", "team_lead", "agent", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated caller: an agent with a role, or a customer (who sees only their own tickets). */
export type Principal = { kind: "agent"; id: string; role: Role; teamId: string | null } | { kind: "customer"; id: string };

export const PERMISSIONS = [
  "tickets.read",
  "tickets.create",
  "tickets.update",
  "tickets.reply",
  "tickets.note",
  "customers.read",
  "customers.write",
  "organizations.read",
  "organizations.write",
  "agents.read",
  "agents.write",
  "teams.read",
  "teams.write",
  "products.read",
  "products.write",
  "tags.read",
  "tags.write",
  "tokens.own",
  "security.read",
  "calendars.read",
  "calendars.write",
  "sla.read",
  "sla.write",
  "rules.read",
  "rules.write",
  "oncall.read",
  "oncall.write",
  "escalations.write",
  "tickets.supervise",
  "notifications.own",
  "outbox.admin",
  "selfcare.report",
  "kb.read",
  "kb.write",
  "kb.report",
  "procedures.read",
  "procedures.write",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

type Holder = Role | "customer";
const STAFF: readonly Holder[] = ["admin", "manager", "team_lead", "agent", "viewer"];
const WORKERS: readonly Holder[] = ["admin", "manager", "team_lead", "agent"];
const MANAGERS: readonly Holder[] = ["admin", "manager"];

/**
 * The matrix. Customers hold only ticket permissions, and only on their own tickets (the
 * API scopes their queries); a viewer reads everything and writes nothing.
 */
export const MATRIX: Record<Permission, readonly Holder[]> = {
  "tickets.read": [...STAFF, "customer"],
  "tickets.create": [...WORKERS, "customer"],
  "tickets.update": WORKERS,
  "tickets.reply": [...WORKERS, "customer"],
  "tickets.note": WORKERS,
  "customers.read": STAFF,
  "customers.write": WORKERS,
  "organizations.read": STAFF,
  "organizations.write": MANAGERS,
  "agents.read": STAFF,
  "agents.write": ["admin"],
  "teams.read": STAFF,
  "teams.write": MANAGERS,
  "products.read": STAFF,
  "products.write": MANAGERS,
  "tags.read": STAFF,
  "tags.write": [...MANAGERS, "team_lead"],
  "tokens.own": STAFF,
  "security.read": ["admin"],
  "calendars.read": STAFF,
  "calendars.write": MANAGERS,
  "sla.read": STAFF,
  "sla.write": MANAGERS,
  "rules.read": STAFF,
  "rules.write": MANAGERS,
  "oncall.read": STAFF,
  "oncall.write": [...MANAGERS, "team_lead"],
  // Escalating a ticket, and accepting or bouncing one handed to you.
  "escalations.write": WORKERS,
  // Taking a ticket over from its assignee, and suggesting a reply through a note that mentions them.
  "tickets.supervise": [...MANAGERS, "team_lead"],
  "notifications.own": STAFF,
  "outbox.admin": ["admin"],
  // The self-service ratio and the articles that deflect: for those who run the team.
  "selfcare.report": [...MANAGERS, "team_lead"],
  // The knowledge base: every member of staff reads it (drafts included); leads and managers write it and see its report.
  "kb.read": STAFF,
  "kb.write": [...MANAGERS, "team_lead"],
  "kb.report": [...MANAGERS, "team_lead"],
  // Guided procedures: staff read them (agents follow them on tickets); managers write them, as the other settings.
  "procedures.read": STAFF,
  "procedures.write": MANAGERS,
};

/** Whether `principal` holds `permission`. */
export function can(principal: Principal | null | undefined, permission: Permission): boolean {
  if (!principal) return false;
  const holder: Holder = principal.kind === "customer" ? "customer" : principal.role;
  return MATRIX[permission].includes(holder);
}

/** Thrown when the caller lacks a permission; the HTTP edge answers 403. */
export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`you do not have the permission ${permission}`);
    this.name = "ForbiddenError";
  }
}

/** Throws {@link ForbiddenError} unless `principal` holds `permission`. */
export function authorize(principal: Principal | null | undefined, permission: Permission): void {
  if (!can(principal, permission)) throw new ForbiddenError(permission);
}
