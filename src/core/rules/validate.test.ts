import { describe, expect, it } from "vitest";
import { issueText } from "../i18n/index.js";
import { type KnownIds, RuleInvalid, validateRule } from "./validate.js";

const TEAM = "10000000-0000-4000-8000-000000000001";
const AGENT = "20000000-0000-4000-8000-000000000001";
const POLICY = "30000000-0000-4000-8000-000000000001";
const CALENDAR = "40000000-0000-4000-8000-000000000001";
const KNOWN: KnownIds = { teamIds: new Set([TEAM]), agentIds: new Set([AGENT]), policyIds: new Set([POLICY]), calendarIds: new Set([CALENDAR]) };

const valid = {
  name: "Outage words go to L2",
  triggers: ["customer_message"],
  conditions: { all: [{ field: "message.text", op: "matches_words", value: ["ne marche pas", "werkt niet"] }] },
  actions: [
    { type: "set_priority", priority: "high" },
    { type: "add_tags", tags: ["Outage", " outage "] },
  ],
};

/** The problems of `definition` as `path code` lines. */
function problems(definition: unknown): string[] {
  try {
    validateRule(definition, KNOWN);
  } catch (error) {
    if (error instanceof RuleInvalid) return error.problems.map((p) => `${p.path} ${p.code}`);
    throw error;
  }
  return [];
}

describe("validateRule", () => {
  it("accepts a rule and fills its defaults, tags normalized", () => {
    expect(validateRule(valid, KNOWN)).toEqual({
      name: "Outage words go to L2",
      enabled: true,
      stop: false,
      triggers: ["customer_message"],
      conditions: valid.conditions,
      actions: [
        { type: "set_priority", priority: "high" },
        { type: "add_tags", tags: ["outage"] },
      ],
    });
  });

  it("names every problem with its path, however deep", () => {
    const definition = {
      ...valid,
      conditions: {
        all: [
          { field: "ticket.priority", op: "is", value: "critical" },
          { any: [{ not: { field: "ticket.mood", op: "is", value: "bad" } }, { field: "ticket.tags", op: "starts_with", value: "vip" }] },
          { field: "triage.frustration", op: "greater_than", value: "high" },
        ],
      },
      actions: [{ type: "set_priority", priority: "asap" }, { type: "assign" }],
    };
    expect(problems(definition)).toEqual([
      "conditions.all[0].value not_in_vocabulary",
      "conditions.all[1].any[0].not.field unknown_rule_field",
      "conditions.all[1].any[1].op operator_not_for_field",
      "conditions.all[2].value wrong_type",
      "actions[0].priority not_in_vocabulary",
      "actions[1].agentId field_required",
    ]);
  });

  it("requires a name, triggers and actions", () => {
    expect(problems({ conditions: { all: [] } })).toEqual(["name required", "triggers required", "actions required"]);
    expect(problems({ ...valid, name: "  ", triggers: [], actions: [] })).toEqual(["name too_short", "triggers too_few_items", "actions too_few_items"]);
    expect(problems({ ...valid, triggers: ["customer_message", "customer_message", "sunrise"] })).toEqual([
      "triggers[1] duplicate_items",
      "triggers[2] not_in_vocabulary",
    ]);
  });

  it("wants a time for time rules and none for the others", () => {
    expect(problems({ ...valid, triggers: ["time"] })).toEqual(["time field_required"]);
    expect(problems({ ...valid, time: { since: "created", amount: 3, unit: "business_days" } })).toEqual(["time field_not_allowed"]);
    expect(problems({ ...valid, triggers: ["time"], time: { since: "birthday", amount: 0, unit: "weeks" } })).toEqual([
      "time.since not_in_vocabulary",
      "time.unit not_in_vocabulary",
      "time.amount too_small",
    ]);
    const rule = validateRule({ ...valid, triggers: ["time"], time: { since: "status_changed", amount: 3, unit: "business_days" } }, KNOWN);
    expect(rule.time).toEqual({ since: "status_changed", amount: 3, unit: "business_days" });
  });

  it("applies an SLA policy that exists, and names one that does not", () => {
    expect(problems({ ...valid, actions: [{ type: "apply_policy", policyId: POLICY }] })).toEqual([]);
    expect(problems({ ...valid, actions: [{ type: "apply_policy", policyId: "99999999-0000-4000-8000-000000000009" }] })).toEqual([
      "actions[0].policyId unknown_reference",
    ]);
  });

  it("checks that the ids a rule names exist", () => {
    const other = "99999999-0000-4000-8000-000000000009";
    const definition = {
      ...valid,
      conditions: {
        all: [
          { field: "ticket.teamId", op: "in", value: [TEAM, other] },
          { field: "now", op: "within_business_hours", value: other },
        ],
      },
      actions: [
        { type: "set_team", teamId: TEAM },
        { type: "assign", agentId: other },
        { type: "reassign", teamId: other },
        {
          type: "notify",
          recipients: [
            { kind: "agent", agentId: AGENT },
            { kind: "team", teamId: other },
          ],
        },
      ],
    };
    expect(problems(definition)).toEqual([
      "conditions.all[0].value[1] unknown_reference",
      "conditions.all[1].value unknown_reference",
      "actions[1].agentId unknown_reference",
      "actions[2].teamId unknown_reference",
      "actions[3].recipients[1].teamId unknown_reference",
    ]);
  });

  it("checks each operator's value", () => {
    const at = (condition: object) => problems({ ...valid, conditions: condition });
    expect(at({ field: "ticket.tags", op: "in", value: "vip" })).toEqual(["conditions.value list_expected"]);
    expect(at({ field: "ticket.subject", op: "is", value: ["a", "b"] })).toEqual(["conditions.value single_value_expected"]);
    expect(at({ field: "ticket.subject", op: "matches_words", value: ["ok", "!!"] })).toEqual(["conditions.value[1] no_words"]);
    expect(at({ field: "ticket.createdAt", op: "less_than", value: "2026-11-23 10:00" })).toEqual(["conditions.value wrong_format"]);
    expect(at({ field: "ticket.status", op: "changed", value: "open" })).toEqual(["conditions.value field_not_allowed"]);
    expect(at({ field: "customer.name", op: "changed" })).toEqual(["conditions.op operator_not_for_field"]);
    expect(at({ field: "ticket.assigneeId", op: "is", value: null })).toEqual([]);
    expect(at({ field: "ticket.status", op: "is", value: null })).toEqual(["conditions.value required"]);
    expect(at({ field: "triage.alarms", op: "contains", value: "lawsuit" })).toEqual(["conditions.value not_in_vocabulary"]);
    expect(at({ field: "ticket.subject", op: "contains", value: "x".repeat(1001) })).toEqual(["conditions.value too_long"]);
    expect(at({ op: "within_business_hours" })).toEqual([]);
    expect(at({ field: "ticket.status", op: "is", value: "open", extra: 1 })).toEqual(["conditions.extra unknown_field"]);
  });

  it("bounds nesting and the number of comparisons", () => {
    let deep: object = { field: "ticket.status", op: "is", value: "open" };
    for (let i = 0; i < 10; i++) deep = { not: deep };
    expect(problems({ ...valid, conditions: deep })).toEqual(["conditions.not.not.not.not.not.not.not.not.not.not too_deep"]);
    const many = Array.from({ length: 201 }, () => ({ field: "ticket.status", op: "is", value: "open" }));
    expect(problems({ ...valid, conditions: { any: many } })).toEqual(["conditions.any[200] too_many_conditions"]);
    expect(problems({ ...valid, actions: Array.from({ length: 51 }, () => ({ type: "add_followers" })) })).toEqual(["actions too_many_items"]);
  });

  it("checks what each action needs", () => {
    const actions = [
      { type: "webhook", url: "ftp://example.com", secret: "short" },
      { type: "canned_reply", templates: { fr: " ", de: "Hallo" } },
      { type: "notify", recipients: [] },
      { type: "reassign" },
      { type: "add_note", text: "ok", priority: "high" },
      { type: "dance" },
    ];
    expect(problems({ ...valid, actions })).toEqual([
      "actions[0].url not_http_url",
      "actions[0].secret secret_too_short",
      "actions[1].templates.de unknown_field",
      "actions[1].templates reply_without_template",
      "actions[2].recipients too_few_items",
      "actions[3].agentId reassign_without_target",
      "actions[4].priority field_not_allowed",
      "actions[5].type not_in_vocabulary",
    ]);
  });

  it("says each problem in the reader's language", () => {
    const error = (() => {
      try {
        validateRule(
          { ...valid, conditions: { all: [{ field: "ticket.mood", op: "is", value: 1 }] }, actions: [{ type: "assign", agentId: "nobody" }] },
          KNOWN,
        );
      } catch (e) {
        return e as RuleInvalid;
      }
      throw new Error("the rule was accepted");
    })();
    expect(error.problems.map((p) => issueText("fr", p))).toEqual([
      "Condition 1 › Champ : n’est pas un champ que les règles lisent\u00a0: ticket.mood",
      "Action 1 › Agent : aucun agent n’a cet identifiant",
    ]);
    expect(issueText("nl", error.problems[1]!)).toBe("Actie 1 › Medewerker: geen medewerker heeft deze id");
  });
});
