// The JSON of rules and of their requests (shapes in src/core/rules/rule.ts). The schema says the
// shape of the top level; what depends on a field or a kind (operators per field, values per
// operator, each action's fields, ids that exist) is checked in src/core/rules/validate.ts.

import { Type } from "typebox";
import { FIELD_PATHS } from "../../../core/rules/fields.js";
import { RULE_OPERATORS, RULE_TRIGGERS, TIME_ANCHORS, TIME_UNITS } from "../../../core/rules/rule.js";
import { DateTime, StringEnum, Uuid, VersionField } from "../common/schema.js";

const Triggers = Type.Array(StringEnum(RULE_TRIGGERS), {
  maxItems: RULE_TRIGGERS.length,
  description: "what the rule listens to; `time` needs `time`",
});

const TimeSchema = Type.Object(
  {
    since: StringEnum(TIME_ANCHORS, { description: "the instant counted from" }),
    amount: Type.Integer({ description: "how many units after it" }),
    unit: StringEnum(TIME_UNITS, { description: "business units on the ticket's SLA policy's calendar (around the clock without one)" }),
  },
  { additionalProperties: false, description: 'a time rule\'s moment: {"since": "status_changed", "amount": 3, "unit": "business_days"}' },
);

const ConditionSchema = Type.Record(Type.String(), Type.Unknown(), {
  description:
    `{"all": [...]}, {"any": [...]}, {"not": {...}} or {"field", "op", "value"}. Operators: ${RULE_OPERATORS.join(", ")}. ` +
    `Fields: ${FIELD_PATHS.join(", ")}, ticket.customFields.<key>. See docs/rules.md for each operator per field type.`,
});

const ActionSchema = Type.Record(Type.String(), Type.Unknown(), {
  description:
    "{type, ...}: set_priority {priority}, add_tags / remove_tags {tags}, set_team {teamId}, set_tier {tier}, assign {agentId}, reassign {agentId?, teamId?}, " +
    "raise_priority {to?}, apply_policy {policyId}, escalate {tier?, teamId?, note?}, notify {recipients}, add_note {text}, add_followers, " +
    "canned_reply {templates: {fr?, nl?, en?}}, webhook {url, secret}, route {} (the team's assignment chooses the agent)",
});

const definitionFields = {
  name: Type.String({ description: "unique, at most 200 characters" }),
  enabled: Type.Boolean({ description: "default true" }),
  triggers: Triggers,
  time: TimeSchema,
  conditions: ConditionSchema,
  actions: Type.Array(ActionSchema, { description: "in the order they run" }),
  stop: Type.Boolean({ description: "when it matched, the rules after it do not run for this event (default false)" }),
};

const ruleOutput = {
  id: Uuid,
  position: Type.Integer({ description: "rules run by ascending position, 0 first" }),
  ...definitionFields,
  time: Type.Optional(TimeSchema),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
};

/** A rule as the API shows it. */
export const RuleSchema = Type.Object(ruleOutput, { additionalProperties: false });
export const RuleList = Type.Object({ items: Type.Array(RuleSchema) }, { additionalProperties: false });

// Loose on purpose: validateRule names every problem with its path and a code, in the reader's language.
const optional = {
  name: Type.Optional(Type.Unknown({ description: "unique, at most 200 characters" })),
  enabled: Type.Optional(Type.Unknown({ description: "true or false; default true" })),
  triggers: Type.Optional(Type.Unknown({ description: `a list of: ${RULE_TRIGGERS.join(", ")}` })),
  time: Type.Optional(Type.Unknown({ description: "for time rules: {since, amount, unit}; null takes it away" })),
  conditions: Type.Optional(ConditionSchema),
  actions: Type.Optional(Type.Unknown({ description: "a list of actions, in the order they run" })),
  stop: Type.Optional(Type.Unknown({ description: "true or false; default false" })),
};

export const CreateRuleBody = Type.Object(
  { ...optional, position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: "its place, 0 first; default: last" })) },
  { additionalProperties: false },
);
export const UpdateRuleBody = Type.Object({ ...optional, version: VersionField }, { additionalProperties: false });

export const ReorderRulesBody = Type.Object(
  { ids: Type.Array(Uuid, { maxItems: 10_000, description: "every rule's id, in the new order" }) },
  { additionalProperties: false },
);

export const DryRunBody = Type.Object(
  {
    rule: Type.Record(Type.String(), Type.Unknown(), { description: "the draft, as POST /rules takes it" }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: "how many of the most recently updated tickets (default 200)" })),
  },
  { additionalProperties: false },
);

const Predicate = Type.Object(
  {
    field: Type.String(),
    op: StringEnum(RULE_OPERATORS),
    value: Type.Optional(Type.Unknown()),
    actual: Type.Unknown(),
    found: Type.Optional(Type.Array(Type.String())),
    negated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, description: "a comparison that held (negated: one that failed under a not)" },
);

export const DryRunResponse = Type.Object(
  {
    examined: Type.Integer({ description: "how many tickets the draft was tried on" }),
    matched: Type.Array(
      Type.Object(
        {
          ticketNumber: Type.Integer(),
          subject: Type.String(),
          trigger: StringEnum(RULE_TRIGGERS),
          matched: Type.Array(Predicate),
          changes: Type.Record(Type.String(), Type.Array(Type.Unknown(), { minItems: 2, maxItems: 2 }), { description: "{field: [before, after]}" }),
          actions: Type.Array(
            Type.Object({ type: Type.String(), summary: Type.String() }, { additionalProperties: false, description: "a notice, note, reply, webhook…" }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
