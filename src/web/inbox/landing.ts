// Where the inbox opens for each person: what their role needs first, or the view they picked
// last (remembered in this browser, per person).

import type { Principal, View } from "../api/types.js";
import { ANY_STATUS, VIEWS, type Landing } from "./inboxQuery.js";

const STORAGE_PREFIX = "palier.inbox.view.";

/**
 * The view a role starts on: a manager the tickets breaching their SLA, a team lead their team's
 * open work (breaching without a team), an agent their own, a viewer every open ticket, and an
 * admin every ticket whatever its status.
 */
export function roleLanding(principal: Principal): Landing {
  if (principal.kind !== "agent") return { view: "mine", status: "" };
  switch (principal.role) {
    case "manager":
      return { view: "breaching", status: "" };
    case "team_lead":
      return { view: principal.teamId === null ? "breaching" : "team", status: "" };
    case "agent":
      return { view: "mine", status: "" };
    case "viewer":
      return { view: "all", status: "" };
    case "admin":
      return { view: "all", status: ANY_STATUS };
  }
}

/** The person's landing: the view they picked last, else their role's. */
export function landingFor(principal: Principal, remembered: string | null): Landing {
  const role = roleLanding(principal);
  if (remembered === null || !VIEWS.includes(remembered as View) || remembered === role.view) return role;
  return { view: remembered as View, status: "" };
}

/** The view `principal` picked last in this browser, or null. */
export function rememberedView(principal: Principal): string | null {
  try {
    return localStorage.getItem(STORAGE_PREFIX + principal.id);
  } catch {
    return null;
  }
}

/** Remembers the view `principal` picked, so the inbox opens on it next time. */
export function rememberView(principal: Principal, view: View): void {
  try {
    localStorage.setItem(STORAGE_PREFIX + principal.id, view);
  } catch {
    // Private mode: the inbox opens on the role's view next time.
  }
}
