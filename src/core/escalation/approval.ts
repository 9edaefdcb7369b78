// Approvals: an action beyond an agent's authority (a refund or a goodwill gesture above their
// role's limit) asks a manager, who approves or declines it; request, decision and delay are
// recorded. Amounts are whole cents of one currency.

import type { Role } from "../access/permissions.js";
import { EscalationInvalid, type EscalationProblem } from "./escalationInvalid.js";

export const APPROVAL_KINDS = ["refund", "goodwill"] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** pending: a manager was asked; approved or declined: decided (approved at once within one's authority). */
export const APPROVAL_STATUSES = ["pending", "approved", "declined"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** The most each role grants alone, in cents; null: no limit. */
export type ApprovalLimits = Record<Role, number | null>;

export const DEFAULT_APPROVAL_LIMITS: ApprovalLimits = { viewer: 0, agent: 50_00, team_lead: 200_00, manager: null, admin: null };

/** Whether `role` may grant `amountCents` alone. */
export function withinAuthority(role: Role, amountCents: number, limits: ApprovalLimits): boolean {
  const limit = limits[role];
  return limit === null || amountCents <= limit;
}

/** An approval as a caller asks for it. */
export interface ApprovalInput {
  kind?: string | undefined;
  /** In cents. */
  amountCents?: number | undefined;
  currency?: string | undefined;
  reason?: string | undefined;
}

export interface ApprovalRequest {
  kind: ApprovalKind;
  amountCents: number;
  currency: string;
  reason: string;
}

/** `input` as an approval request; throws {@link EscalationInvalid} naming every problem. */
export function validateApproval(input: ApprovalInput): ApprovalRequest {
  const problems: EscalationProblem[] = [];
  if (!input.kind) problems.push({ path: "kind", code: "required" });
  else if (!(APPROVAL_KINDS as readonly string[]).includes(input.kind))
    problems.push({ path: "kind", code: "not_allowed_value", params: { values: APPROVAL_KINDS.join(", ") } });
  if (input.amountCents === undefined) problems.push({ path: "amountCents", code: "required" });
  else if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) problems.push({ path: "amountCents", code: "not_positive" });
  const reason = input.reason?.trim() ?? "";
  if (reason === "") problems.push({ path: "reason", code: "required" });
  const currency = (input.currency ?? "EUR").trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problems.push({ path: "currency", code: "wrong_currency" });
  if (problems.length > 0) throw new EscalationInvalid(problems);
  return { kind: input.kind as ApprovalKind, amountCents: input.amountCents as number, currency, reason };
}
