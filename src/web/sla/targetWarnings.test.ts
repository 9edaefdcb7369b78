// Targets that contradict each other, warned about while a policy is edited.

import { describe, expect, it } from "vitest";
import { translate } from "../i18n/messages.js";
import { newStep } from "./policyDraft.js";
import { targetWarnings } from "./targetWarnings.js";

const words = { locale: "en", t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate("en", key, params) };

describe("targets that contradict each other", () => {
  it("warns when a response target is longer than the resolution target", () => {
    const warnings = targetWarnings({ targets: { normal: { first_response: 600, resolution: 480 } }, matrix: { steps: [] } }, words);
    expect(warnings).toEqual([
      { path: "targets.normal.first_response", message: "First response in 10h is longer than the resolution target (8h) for Normal." },
    ]);
  });

  it("warns when a higher priority waits longer than a lower one", () => {
    const warnings = targetWarnings(
      { targets: { low: { resolution: 480 }, normal: { resolution: 480 }, urgent: { resolution: 960 } }, matrix: { steps: [] } },
      words,
    );
    expect(warnings.map((w) => [w.path, w.message])).toEqual([["targets.urgent.resolution", "Urgent waits longer for Resolution (16h) than Low (8h)."]]);
  });

  it("warns about a reminder at least as long as the shortest target it watches", () => {
    const reminder = { ...newStep([], "reminder"), offsetMinutes: 90 };
    const warnings = targetWarnings({ targets: { high: { first_response: 60, resolution: 480 } }, matrix: { steps: [reminder] } }, words);
    expect(warnings.map((w) => w.path)).toEqual(["matrix.steps[0].offsetMinutes"]);
    expect(targetWarnings({ targets: { high: { first_response: 60 } }, matrix: { steps: [{ ...reminder, targets: ["resolution"] }] } }, words)).toEqual([]);
  });

  it("is quiet about consistent targets", () => {
    const targets = {
      low: { first_response: 480, resolution: 2400 },
      normal: { first_response: 240, resolution: 960 },
      urgent: { first_response: 60, resolution: 240 },
    };
    expect(targetWarnings({ targets, matrix: { steps: [newStep([], "reminder")] } }, words)).toEqual([]);
  });
});
