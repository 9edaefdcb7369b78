// A procedure checked whole (every problem named by its path), progress checked against it, what
// one save changes, and the hand-off an escalation starts from, in each language.

import { describe, expect, it } from "vitest";
import { issueText } from "../i18n/index.js";
import { problemMessage } from "../escalation/escalationInvalid.js";
import { incompleteProcedureProblems } from "./escalationGuard.js";
import { appliesTo, checkProcedure, ProcedureInvalid, type ProcedureInput } from "./procedure.js";
import { checkProgress, currentProgress, handoffDraft, missingFields, progressChange } from "./progress.js";

const w = (en: string, fr: string, nl: string) => ({ en, fr, nl });

const OUTAGE: ProcedureInput = {
  requestType: " Outage ",
  names: w("Internet outage", "Panne internet", "Internetstoring"),
  required: true,
  steps: [
    { key: "map", label: w("Checked the outage map", "Carte des pannes vérifiée", "Storingskaart bekeken") },
    { key: "restart", label: w("Restarted the modem", "Modem redémarré", "Modem herstart"), articleId: "5F0C1A2B-0000-4000-8000-000000000001" },
  ],
  fields: [
    { key: "postcode", label: w("Postcode", "Code postal", "Postcode"), kind: "number", required: true },
    {
      key: "lights",
      label: w("Modem lights", "Voyants du modem", "Lampjes van de modem"),
      kind: "choice",
      choices: [
        { key: "red", label: w("Red", "Rouge", "Rood") },
        { key: "off", label: w("Off", "Éteints", "Uit") },
      ],
    },
    { key: "note", label: w("Note", "Remarque", "Opmerking"), kind: "text" },
  ],
};

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ProcedureInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
    throw error;
  }
  return [];
}

describe("checking a procedure", () => {
  it("keeps a valid procedure with its tag as tickets keep theirs and ids in lower case", () => {
    const spec = checkProcedure(OUTAGE);
    expect(spec.requestType).toBe("outage");
    expect(spec.teamId).toBeNull();
    expect(spec.steps[1]?.articleId).toBe("5f0c1a2b-0000-4000-8000-000000000001");
    expect(spec.steps[0]?.articleId).toBeNull();
    expect(spec.fields.map((f) => [f.key, f.kind, f.required, f.choices.length])).toEqual([
      ["postcode", "number", true, 0],
      ["lights", "choice", false, 2],
      ["note", "text", false, 0],
    ]);
  });

  it("names every problem by its path at once", () => {
    expect(
      problems(() =>
        checkProcedure({
          teamId: "billing",
          requestType: "two words",
          names: { en: "Outage", fr: "  " },
          steps: [
            { key: "Map!", label: w("a", "b", "c") },
            { key: "x", label: w("a", "b", "") },
            { key: "x", label: w("a", "b", "c"), articleId: "nope" },
          ],
          fields: [
            { key: "f", label: w("a", "b", "c"), kind: "date" },
            { key: "g", label: w("a", "b", "c"), kind: "choice", choices: [] },
          ],
          required: "yes",
        }),
      ),
    ).toEqual([
      "teamId not_an_id",
      "requestType procedure_tag_format",
      "names.fr required",
      "names.nl required",
      "required wrong_type",
      "steps[0].key procedure_key_format",
      "steps[1].label.nl required",
      "steps[2].articleId not_an_id",
      "steps[2].key procedure_duplicate_key",
      "fields[0].kind not_allowed_value",
      "fields[1].choices procedure_choices_required",
    ]);
  });

  it("refuses a procedure with nothing to do and no request type", () => {
    expect(problems(() => checkProcedure({ names: w("a", "b", "c"), steps: [], fields: [] }))).toEqual(["requestType required", "steps procedure_empty"]);
  });

  it("says each problem in the reader's language, the field named in words", () => {
    const error = (() => {
      try {
        checkProcedure({ ...OUTAGE, steps: [{ key: "map", label: w("a", "b", "") }] });
      } catch (e) {
        return e as ProcedureInvalid;
      }
      throw new Error("no error");
    })();
    const [problem] = error.problems;
    expect(issueText("fr", problem!)).toBe("Étape 1 › Libellé › Néerlandais : est obligatoire");
    expect(issueText("nl", { path: "fields[0].choices", code: "procedure_choices_required" })).toBe(
      "Gegeven 1 › Optie: een keuzelijst heeft minstens één optie nodig",
    );
  });

  it("applies to tickets with its tag, in its team or in every team", () => {
    const spec = checkProcedure({ ...OUTAGE, teamId: "00000000-0000-4000-8000-0000000000aa" });
    expect(appliesTo(spec, { tags: ["outage"], teamId: "00000000-0000-4000-8000-0000000000aa" })).toBe(true);
    expect(appliesTo(spec, { tags: ["outage"], teamId: null })).toBe(false);
    expect(appliesTo({ ...spec, teamId: null }, { tags: ["billing", "outage"], teamId: null })).toBe(true);
    expect(appliesTo({ ...spec, teamId: null }, { tags: ["billing"], teamId: null })).toBe(false);
  });
});

describe("progress on a procedure", () => {
  const spec = checkProcedure(OUTAGE);

  it("keeps steps in the procedure's order, numbers from text, and clears empty values", () => {
    expect(checkProgress(spec, { done: ["restart", "map"], values: { postcode: "1000", lights: "red", note: "" } })).toEqual({
      done: ["map", "restart"],
      values: { postcode: 1000, lights: "red" },
    });
  });

  it("names steps, fields and values the procedure does not accept", () => {
    expect(problems(() => checkProgress(spec, { done: ["map", "reboot"], values: { postcode: "mille", lights: "green", colour: "red" } }))).toEqual([
      "done[1] not_allowed_value",
      "values.postcode wrong_type",
      "values.lights not_allowed_value",
      "values.colour unknown_field",
    ]);
  });

  it("reads stored progress without the steps and fields the procedure no longer has", () => {
    expect(currentProgress(spec, { done: ["gone", "map"], values: { old: "x", note: "ok" } })).toEqual({ done: ["map"], values: { note: "ok" } });
  });

  it("records what a save changed and what is still missing", () => {
    const before = { done: ["map"], values: { note: "first" } };
    const after = { done: ["restart"], values: { lights: "off" } };
    expect(progressChange(spec, before, after)).toEqual({
      ticked: [w("Restarted the modem", "Modem redémarré", "Modem herstart")],
      unticked: [w("Checked the outage map", "Carte des pannes vérifiée", "Storingskaart bekeken")],
      filled: [w("Modem lights", "Voyants du modem", "Lampjes van de modem")],
      cleared: [w("Note", "Remarque", "Opmerking")],
      done: 1,
      steps: 2,
      missing: 1,
    });
    expect(missingFields(spec, after).map((f) => f.key)).toEqual(["postcode"]);
  });
});

describe("the hand-off from a procedure", () => {
  const spec = checkProcedure(OUTAGE);
  const progress = { done: ["map", "restart"], values: { postcode: 1000, lights: "red" } };

  it("writes what was tried from the steps done and the information collected, in the reader's language", () => {
    expect(handoffDraft([{ spec, progress }], "en")).toEqual({
      tried: "Internet outage, steps done:\n- Checked the outage map\n- Restarted the modem",
      collected: "Internet outage, information collected:\n- Postcode: 1000\n- Modem lights: Red",
    });
    expect(handoffDraft([{ spec, progress }], "fr").collected).toBe(
      "Panne internet, informations recueillies :\n- Code postal : 1000\n- Voyants du modem : Rouge",
    );
  });

  it("is empty when nothing is done", () => {
    expect(handoffDraft([{ spec, progress: { done: [], values: {} } }], "nl")).toEqual({ tried: "", collected: "" });
  });

  it("refuses an escalation past a required procedure, naming it and what is missing in each language", () => {
    const [problem] = incompleteProcedureProblems([{ procedure: spec, missing: missingFields(spec, { done: [], values: {} }) }]);
    expect(problem).toMatchObject({ path: "procedure", code: "procedure_incomplete" });
    expect(problemMessage("en", problem!)).toBe("the procedure “Internet outage” is required before escalating: Postcode missing");
    expect(problemMessage("nl", problem!)).toBe("de procedure ‘Internetstoring’ is verplicht vóór een escalatie: Postcode ontbreekt");
    expect(incompleteProcedureProblems([{ procedure: spec, missing: [] }])).toEqual([]);
  });
});
