import { describe, expect, it } from "vitest";
import { EscalationInvalid } from "./escalationInvalid.js";
import { checkRootCauses, offeredRootCauses, rootCauseCode, rootCauseEntries, rootCauseLabel } from "./rootCauseList.js";

const problems = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof EscalationInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
    throw error;
  }
  return [];
};

describe("a workspace's root causes", () => {
  it("reads the older list of codes offered, the built-in causes left out retired", () => {
    const entries = rootCauseEntries(["product_defect", "other"]);
    expect(offeredRootCauses(entries)).toEqual(["product_defect", "other"]);
    expect(entries.find((e) => e.code === "dependency")).toEqual({ code: "dependency", builtIn: true, labels: null, retired: true });
    expect(offeredRootCauses(rootCauseEntries(undefined))).toContain("agent_overload");
  });

  it("makes a code of the English label, folded and unique", () => {
    expect(rootCauseCode("Supplier outage!", new Set())).toBe("supplier_outage");
    expect(rootCauseCode("Supplier outage", new Set(["supplier_outage"]))).toBe("supplier_outage_2");
    expect(rootCauseCode("Événement météo", new Set())).toBe("evenement_meteo");
    expect(rootCauseCode("42", new Set())).toBe("cause");
  });

  it("adds a cause, keeps those left out as retired, and reads each in the reader's language", () => {
    const current = rootCauseEntries(undefined);
    const list = checkRootCauses([{ labels: { fr: "Panne", nl: "Storing", en: "Outage" } }, "other"], current);
    expect(offeredRootCauses(list)).toEqual(["outage", "other"]);
    expect(list.filter((e) => e.retired)).toHaveLength(current.length - 1);
    const catalogue = (code: string) => (code === "other" ? "Autre" : undefined);
    expect(rootCauseLabel(list, "outage", "nl", catalogue)).toBe("Storing");
    expect(rootCauseLabel(list, "other", "fr", catalogue)).toBe("Autre");
    expect(rootCauseLabel(list, "vanished", "fr", catalogue)).toBe("vanished");
  });

  it("names every problem by its path", () => {
    const current = rootCauseEntries(undefined);
    expect(
      problems(() =>
        checkRootCauses(
          [
            "weather",
            { code: "x", labels: { fr: "a", nl: "b", en: "c" } },
            { code: "custom_one" },
            { labels: { fr: "Panne", nl: " ", en: "o".repeat(81) } },
            { code: "other", retired: true },
          ],
          current,
        ),
      ),
    ).toEqual([
      "rootCauses[0] not_allowed_value",
      "rootCauses[1].code wrong_format",
      "rootCauses[2].labels required",
      "rootCauses[3].labels.en too_long",
      "rootCauses[3].labels.nl required",
      "rootCauses other_required",
    ]);
    expect(problems(() => checkRootCauses("other", current))).toEqual(["rootCauses required"]);
  });

  it("renames a built-in cause and gives it its catalogue words back with null labels", () => {
    const renamed = checkRootCauses([{ code: "other", labels: { fr: "Divers", nl: "Diversen", en: "Miscellaneous" } }], rootCauseEntries(undefined));
    expect(renamed[0]).toEqual({ code: "other", builtIn: true, labels: { fr: "Divers", nl: "Diversen", en: "Miscellaneous" }, retired: false });
    const back = checkRootCauses([{ code: "other", labels: null }], renamed);
    expect(back[0]?.labels).toBeNull();
  });
});
