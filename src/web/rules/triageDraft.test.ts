import { describe, expect, it } from "vitest";
import type { AlarmLexicon } from "../../core/triage/signals.js";
import { changedAlarms } from "./triageDraft.js";

const lexicon = (): AlarmLexicon => {
  const lists = () => ({ fr: ["panne"], nl: ["storing"], en: ["outage"] });
  return { legal: lists(), churn: lists(), money: lists(), outage: lists(), sales: lists() };
};

describe("a save of the triage settings", () => {
  it("sends only the alarm lists that changed, an emptied one included", () => {
    const before = lexicon();
    expect(changedAlarms(before, lexicon())).toBeUndefined();
    const base = lexicon();
    const after: AlarmLexicon = { ...base, legal: { ...base.legal, fr: ["panne", "avocat"] }, sales: { ...base.sales, en: [] } };
    expect(changedAlarms(before, after)).toEqual({ legal: { fr: ["panne", "avocat"] }, sales: { en: [] } });
  });
});
