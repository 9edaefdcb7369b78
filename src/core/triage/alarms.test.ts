// Alarm words: matching that ignores case, accents and punctuation, inflections, the phrase as
// configured, and a workspace's own lists.
import { describe, expect, it } from "vitest";
import { DEFAULT_ALARMS, withAlarms } from "./alarms.js";
import { triage } from "./triage.js";

const alarmsOf = (text: string, alarms = DEFAULT_ALARMS) => triage({ text }, { alarms }).alarms;

describe("alarm words", () => {
  it("matches whatever the case and punctuation, and returns the phrase as configured", () => {
    expect(alarmsOf("ANNULER MON COMPTE!!")).toEqual([{ kind: "churn", phrase: "annuler mon compte" }]);
    expect(alarmsOf("Je vais saisir l'UFC que choisir.")).toEqual([{ kind: "legal", phrase: "UFC-Que Choisir" }]);
  });

  it("matches without the accents the phrase has, and with accents it lacks", () => {
    expect(alarmsOf("je veux resilier")).toEqual([{ kind: "churn", phrase: "résilier" }]);
    expect(alarmsOf("Une DÉMO svp")).toEqual([{ kind: "sales", phrase: "démo" }]);
  });

  it("finds inflected forms", () => {
    expect(alarmsOf("Demande de résiliation immédiate.")).toEqual([{ kind: "churn", phrase: "résilier" }]);
    expect(alarmsOf("I was never refunded.")).toEqual([{ kind: "money", phrase: "refund" }]);
    expect(alarmsOf("Two refunds are missing.")).toEqual([{ kind: "money", phrase: "refund" }]);
    expect(alarmsOf("Ik heb mijn abonnement opgezegd.")).toEqual([{ kind: "churn", phrase: "opgezegd" }]);
    expect(alarmsOf("Ik wil opzeggen.")).toEqual([{ kind: "churn", phrase: "opzeggen" }]);
  });

  it("finds a Dutch separable verb written in two words", () => {
    expect(alarmsOf("Het internet ligt er uit sinds gisteren.")).toEqual([{ kind: "outage", phrase: "ligt er uit" }]);
  });

  it("matches whole words only", () => {
    expect(alarmsOf("Le panneau est cassé, et le tarifaire aussi.")).toEqual([]);
    expect(alarmsOf("The demonstration was fine.")).toEqual([]);
  });

  it("finds one alarm of each kind in a message that has several", () => {
    const kinds = alarmsOf("Panne depuis hier, je veux un remboursement, sinon mon avocat s'en occupe.").map((alarm) => alarm.kind);
    expect(kinds.sort()).toEqual(["legal", "money", "outage"]);
  });

  it("uses the defaults of every language in one message", () => {
    expect(alarmsOf("Storing sinds vanochtend, I want a refund").map((alarm) => alarm.kind)).toEqual(["outage", "money"]);
  });

  it("gives a phrase of the message's language where two languages spell it alike", () => {
    expect(alarmsOf("Kunnen we een demo plannen voor ons team?")).toEqual([{ kind: "sales", phrase: "demo" }]);
  });

  it("replaces the defaults of a kind and language with a workspace's list", () => {
    const alarms = withAlarms({ legal: { fr: ["juriste"] } });
    expect(alarmsOf("Mon juriste vous écrira.", alarms)).toEqual([{ kind: "legal", phrase: "juriste" }]);
    expect(alarmsOf("Mon avocat vous écrira.", alarms)).toEqual([]);
    expect(alarmsOf("My lawyer will write to you.", alarms)).toEqual([{ kind: "legal", phrase: "lawyer" }]);
  });
});
