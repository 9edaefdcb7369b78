import { describe, expect, it } from "vitest";
import type { Principal, Role } from "../api/types.js";
import { canOpenAdmin, canSeeDeliveries, canWrite } from "./access.js";

const as = (role: Role): Principal => ({ kind: "agent", id: "a", name: "A", email: "a@example.org", role, teamId: null, locale: "en", timeZone: null });

describe("who the admin section is for", () => {
  it("opens to admins and managers only", () => {
    expect((["admin", "manager", "team_lead", "agent", "viewer"] as const).filter((role) => canOpenAdmin(as(role)))).toEqual(["admin", "manager"]);
    expect(canOpenAdmin({ kind: "customer", id: "c", name: "C", email: "c@example.org", language: null, timeZone: null })).toBe(false);
  });

  it("lets managers change teams, organizations and customers, but only admins agents and deliveries", () => {
    const manager = as("manager");
    expect(canWrite(manager, "teams") && canWrite(manager, "organizations") && canWrite(manager, "customers")).toBe(true);
    expect(canWrite(manager, "agents")).toBe(false);
    expect(canSeeDeliveries(manager)).toBe(false);
    expect(canWrite(as("admin"), "agents") && canSeeDeliveries(as("admin"))).toBe(true);
    expect(canWrite(as("viewer"), "customers")).toBe(false);
  });
});
