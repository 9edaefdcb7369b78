// Triage of one message: negation in each language, intensity, waiting, repeated contacts,
// the threshold, and bounds on what it reads.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FRUSTRATION_THRESHOLD, type FrustrationReason } from "./signals.js";
import { triage, TRIAGE_MAX_CHARS } from "./triage.js";

const kinds = (reasons: FrustrationReason[]) => reasons.map((reason) => reason.kind);

describe("frustration and its negation", () => {
  it.each([
    ["fr", "Franchement, c'est pas mal du tout.", "pas mal"],
    ["nl", "Eerlijk gezegd is het niet slecht.", "niet slecht"],
    ["en", "Honestly, the new version is not bad.", "not bad"],
  ])("does not count a negated complaint in %s", (language, text, phrase) => {
    const signals = triage({ text });
    expect(signals.language).toBe(language);
    expect(signals.frustration).toBe(0);
    expect(signals.frustrated).toBe(false);
    expect(signals.reasons).toContainEqual({ kind: "negated", phrase });
  });

  it.each([
    ["fr", "Le support est vraiment mauvais.", "mauvais"],
    ["nl", "De dienstverlening is echt slecht.", "slecht"],
    ["en", "The support is really bad.", "bad"],
  ])("counts the same complaint without the negation in %s", (_language, text, phrase) => {
    const signals = triage({ text });
    expect(signals.frustration).toBeGreaterThan(0);
    expect(signals.reasons).toContainEqual(expect.objectContaining({ kind: "word", phrase }));
  });

  it.each([
    ["fr", "Je ne suis pas du tout content de votre service.", "pas du tout content"],
    ["nl", "Ik ben helemaal niet tevreden over jullie service.", "niet tevreden"],
    ["en", "I am not happy with your service at all.", "not happy"],
  ])("turns negated praise into frustration in %s", (_language, text, phrase) => {
    const signals = triage({ text });
    expect(signals.frustrated).toBe(true);
    expect(signals.reasons).toContainEqual(expect.objectContaining({ kind: "word", phrase }));
  });

  it.each([
    ["fr", "C'est inadmissible, vous êtes des incompétents."],
    ["nl", "Dit is schandalig, ik ben woedend."],
    ["en", "This is unacceptable and your support is useless."],
  ])("is frustrated by strong words in %s", (_language, text) => {
    expect(triage({ text }).frustrated).toBe(true);
  });

  it.each([
    ["fr", "C'est la troisième fois que je vous écris à ce sujet."],
    ["nl", "Dit is al de derde keer dat ik hierover mail."],
    ["en", "Why was I charged again? I was told it was free."],
  ])("is frustrated by a complaint told without angry words in %s", (_language, text) => {
    expect(triage({ text }).frustrated).toBe(true);
  });

  it.each([
    ["fr", "Bonjour, pourriez-vous m'envoyer la facture du mois de mars ? Merci."],
    ["nl", "Goedemiddag, kunt u mij de factuur van maart sturen? Bedankt."],
    ["en", "Hi, could you send me the invoice for March? Thanks."],
  ])("stays calm on an ordinary request in %s", (_language, text) => {
    const signals = triage({ text });
    expect(signals.frustration).toBe(0);
    expect(signals.frustrated).toBe(false);
  });

  it("scores between 0 and 1 with two decimals, however many complaints", () => {
    const text = "Scandaleux, honteux, inadmissible, lamentable, une arnaque, des voleurs, je suis furieux !!!";
    const { frustration } = triage({ text });
    expect(frustration).toBeLessThanOrEqual(1);
    expect(frustration).toBeGreaterThan(0.9);
    expect(Math.round(frustration * 100) / 100).toBe(frustration);
  });
});

describe("intensity", () => {
  it("reads capitals and a run of exclamation marks as cues", () => {
    const calm = triage({ text: "Le colis est arrivé en retard." });
    const loud = triage({ text: "LE COLIS EST ARRIVÉ EN RETARD !!!" });
    expect(loud.frustration).toBeGreaterThan(calm.frustration);
    expect(loud.reasons).toContainEqual({ kind: "capitals", share: 1 });
    expect(loud.reasons).toContainEqual({ kind: "exclamations", count: 3 });
    expect(kinds(calm.reasons)).not.toContain("capitals");
  });

  it("does not count a single exclamation mark or a short acronym", () => {
    const signals = triage({ text: "Merci pour la TVA !" });
    expect(kinds(signals.reasons)).not.toContain("exclamations");
    expect(kinds(signals.reasons)).not.toContain("capitals");
  });

  it("is not frustrated by shouted good news", () => {
    expect(triage({ text: "THANK YOU SO MUCH, YOU ARE AMAZING!!!" }).frustrated).toBe(false);
  });
});

describe("waiting", () => {
  it.each([
    ["fr", "Je n'ai toujours rien reçu depuis trois semaines.", "depuis trois semaines"],
    ["fr", "Ça fait 10 jours que j'attends ma commande.", "ca fait 10 jours"],
    ["nl", "Ik wacht al drie weken op mijn bestelling.", "al drie weken"],
    ["en", "My order has been stuck for 3 weeks.", "for 3 weeks"],
    ["en", "I ordered it two weeks ago.", "two weeks ago"],
  ])("finds how long they waited in %s: %s", (_language, text, phrase) => {
    expect(triage({ text }).reasons).toContainEqual({ kind: "waiting", phrase });
  });

  it("does not read a duration that is not a wait", () => {
    expect(kinds(triage({ text: "The battery lasts 3 weeks on one charge." }).reasons)).not.toContain("waiting");
  });
});

describe("repeated contacts", () => {
  it("adds the customer's recent contacts to the score", () => {
    const text = "Où en est ma demande ?";
    const first = triage({ text });
    const third = triage({ text, recentContacts: 2 });
    expect(third.frustration).toBeGreaterThan(first.frustration);
    expect(third.reasons).toContainEqual({ kind: "repeat_contact", count: 2, days: 7 });
    expect(kinds(first.reasons)).not.toContain("repeat_contact");
  });

  it("ignores a count that is not a number of contacts", () => {
    expect(kinds(triage({ text: "Bonjour", recentContacts: Number.NaN }).reasons)).not.toContain("repeat_contact");
    expect(kinds(triage({ text: "Bonjour", recentContacts: -3 }).reasons)).not.toContain("repeat_contact");
  });
});

describe("threshold and input", () => {
  it("is frustrated at the threshold it is given", () => {
    const text = "Encore un problème avec ma facture.";
    const { frustration } = triage({ text });
    expect(frustration).toBeGreaterThan(0);
    expect(frustration).toBeLessThan(FRUSTRATION_THRESHOLD);
    expect(triage({ text }).frustrated).toBe(false);
    expect(triage({ text }, { threshold: frustration }).frustrated).toBe(true);
  });

  it("reads the subject with the text", () => {
    const signals = triage({ subject: "Remboursement", text: "Voir ci-dessus." });
    expect(signals.alarms).toEqual([{ kind: "money", phrase: "remboursement" }]);
  });

  it("answers on empty and symbol-only text", () => {
    expect(triage({ text: "" })).toEqual({ language: "unknown", frustration: 0, frustrated: false, alarms: [], reasons: [] });
    expect(triage({ text: "🙂 ?!? … ###" }).language).toBe("unknown");
  });

  it("reads only the first characters of a huge message", () => {
    const text = `${"bonjour ".repeat(TRIAGE_MAX_CHARS / 8)} remboursement`;
    expect(triage({ text }).alarms).toEqual([]);
  });
});

describe("any input", () => {
  it("answers every string with a score from 0 to 1 and a known language, without throwing", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.option(fc.string(), { nil: undefined }),
        fc.integer({ min: -5, max: 50 }),
        (text, subject, contacts) => {
          const signals = triage({ text, subject, recentContacts: contacts });
          expect(signals.frustration).toBeGreaterThanOrEqual(0);
          expect(signals.frustration).toBeLessThanOrEqual(1);
          expect(["fr", "nl", "en", "unknown"]).toContain(signals.language);
          expect(signals.frustrated).toBe(signals.frustration >= FRUSTRATION_THRESHOLD);
        },
      ),
      { numRuns: 300 },
    );
  });
});
