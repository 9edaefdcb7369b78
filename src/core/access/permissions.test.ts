import { describe, expect, it } from "vitest";
import { can, MATRIX, PERMISSIONS, type Principal, ROLES } from "./permissions.js";

const agent = (role: (typeof ROLES)[number]): Principal => ({ kind: "agent", id: "a", role, teamId: null });
const customer: Principal = { kind: "customer", id: "c" };

describe("permission matrix", () => {
  it("gives admins every permission", () => {
    for (const permission of PERMISSIONS) expect(can(agent("admin"), permission)).toBe(true);
  });
  it("lets a viewer read and write nothing", () => {
    for (const permission of PERMISSIONS) {
      expect(can(agent("viewer"), permission)).toBe(
        permission.endsWith(".read") && permission !== "security.read" ? true : ["tokens.own", "notifications.own"].includes(permission),
      );
    }
  });
  it("limits customers to reading, opening and answering tickets", () => {
    expect(PERMISSIONS.filter((p) => can(customer, p))).toEqual(["tickets.read", "tickets.create", "tickets.reply"]);
  });
  it("keeps role changes and security events to admins", () => {
    for (const role of ROLES) {
      expect(can(agent(role), "agents.write")).toBe(role === "admin");
      expect(can(agent(role), "security.read")).toBe(role === "admin");
    }
  });
  it("denies an anonymous caller everything", () => {
    for (const permission of PERMISSIONS) expect(can(null, permission)).toBe(false);
  });
  it("has a row for every permission", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort());
  });
});
