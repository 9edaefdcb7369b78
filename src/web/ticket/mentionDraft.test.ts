import { describe, expect, it } from "vitest";
import { insertMention, matchAgents, mentionAt, mentionsIn, withoutMentions } from "./mentionDraft.js";

const agents = [
  { id: "1", name: "Thomas Lefebvre", active: true },
  { id: "2", name: "Émilie Thomas", active: true },
  { id: "3", name: "Pieter Janssens", active: true },
  { id: "4", name: "Tom Gone", active: false },
];

describe("mentions while writing a note", () => {
  it("finds the @word before the caret, and none in an e-mail address or after a finished mention", () => {
    expect(mentionAt("Could @tho", 10)).toEqual({ start: 6, query: "tho" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("mail jan@example.com", 20)).toBeNull();
    expect(mentionAt("@Thomas Lefebvre can you", 24)).toBeNull();
  });

  it("matches active agents by name, accents and case aside, those starting with the words first", () => {
    expect(matchAgents(agents, "thom").map((a) => a.id)).toEqual(["1", "2"]);
    expect(matchAgents(agents, "emilie").map((a) => a.id)).toEqual(["2"]);
    expect(matchAgents(agents, "tom").map((a) => a.id)).toEqual([]);
  });

  it("puts the chosen name in place of the typed words, and keeps only the mentions the text still holds", () => {
    expect(insertMention("Hi @tho, look", 3, 7, "Thomas Lefebvre")).toEqual({ text: "Hi @Thomas Lefebvre , look", caret: 20 });
    expect(mentionsIn("@Thomas Lefebvre and @Pieter Janssens", agents)).toEqual(["1", "3"]);
    expect(mentionsIn("nobody now", agents)).toEqual([]);
  });

  it("takes the mentions out of a suggested reply before the customer reads it", () => {
    expect(withoutMentions("@Thomas Lefebvre, the duplicate is cancelled.\nThe credit note follows. @Thomas Lefebvre", ["Thomas Lefebvre"])).toBe(
      "the duplicate is cancelled.\nThe credit note follows.",
    );
    expect(withoutMentions("Dear customer, @Pieter Janssens the refund leaves today .", ["Pieter Janssens"])).toBe("Dear customer, the refund leaves today.");
  });
});
