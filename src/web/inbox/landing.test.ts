// Where each role's inbox opens, and the view a person picked winning over their role's.

import { describe, expect, it } from "vitest";
import type { Principal } from "../api/types.js";
import { landingFor, roleLanding } from "./landing.js";

const staff = (role: "admin" | "manager" | "team_lead" | "agent" | "viewer", teamId: string | null = "t1"): Principal => ({
  kind: "agent",
  id: `id-${role}`,
  name: role,
  email: `${role}@example.org`,
  role,
  teamId,
  locale: "en",
  timeZone: null,
});

describe("the inbox's landing view", () => {
  it("gives each role the view it needs first", () => {
    expect(roleLanding(staff("manager"))).toEqual({ view: "breaching", status: "" });
    expect(roleLanding(staff("team_lead"))).toEqual({ view: "team", status: "" });
    expect(roleLanding(staff("team_lead", null))).toEqual({ view: "breaching", status: "" });
    expect(roleLanding(staff("agent"))).toEqual({ view: "mine", status: "" });
    expect(roleLanding(staff("viewer"))).toEqual({ view: "all", status: "" });
    expect(roleLanding(staff("admin"))).toEqual({ view: "all", status: "any" });
  });

  it("opens on the view the person picked last, ignoring one it does not know", () => {
    expect(landingFor(staff("manager"), "mine")).toEqual({ view: "mine", status: "" });
    expect(landingFor(staff("manager"), null)).toEqual({ view: "breaching", status: "" });
    expect(landingFor(staff("manager"), "everything")).toEqual({ view: "breaching", status: "" });
    expect(landingFor(staff("admin"), "all")).toEqual({ view: "all", status: "any" });
  });
});
