// Rule routes: list (in order), create (at a position), read, conditional update, delete,
// reorder, and the dry run of a draft on the latest tickets. docs/rules.md.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "typebox";
import { dryRunRule } from "../../../commands/rules/dryRun.js";
import { createRule, deleteRule, reorderRules, updateRule } from "../../../commands/rules/ruleEdits.js";
import { inWork } from "../../../commands/work.js";
import { getRule, listRules, type RuleRow } from "../../../store/rules.js";
import { notFound } from "../../errors.js";
import { actorOf, callerWith, now } from "../common/access.js";
import { errorResponses, IdParams, IfMatchHeaders, SECURITY } from "../common/schema.js";
import { expectedVersion, setETag } from "../common/versions.js";
import { CreateRuleBody, DryRunBody, DryRunResponse, ReorderRulesBody, RuleList, RuleSchema, UpdateRuleBody } from "./schema.js";

const tags = ["rules"];

/** A rule's JSON: its definition, place, stamps and version. */
export function presentRule(row: RuleRow): Static<typeof RuleSchema> {
  return {
    ...(row as Omit<Static<typeof RuleSchema>, "createdAt" | "updatedAt">),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Registers the rule routes. */
export const ruleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/rules",
    { schema: { tags, summary: "List the rules in the order they run", security: SECURITY, response: { 200: RuleList, ...errorResponses } } },
    async (request) => {
      callerWith(request, "rules.read");
      return { items: (await listRules(request.server.database.db)).map(presentRule) };
    },
  );

  app.post(
    "/rules",
    {
      schema: {
        tags,
        summary: "Create a rule (placed last unless `position` says where)",
        description: "Every problem of the rule is answered at once, each with its path and code, in the reader's language.",
        security: SECURITY,
        body: CreateRuleBody,
        response: { 201: RuleSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "rules.write");
      const { position, ...definition } = request.body;
      const rule = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        createRule(work, { definition, position }),
      );
      setETag(reply, rule.version);
      reply.status(201);
      return presentRule(rule);
    },
  );

  app.post(
    "/rules/reorder",
    {
      schema: {
        tags,
        summary: "Reorder the rules: every rule's id, in the new order",
        security: SECURITY,
        body: ReorderRulesBody,
        response: { 200: RuleList, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "rules.write");
      const rules = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        reorderRules(work, { ids: request.body.ids }),
      );
      return { items: rules.map(presentRule) };
    },
  );

  app.post(
    "/rules/dry-run",
    {
      schema: {
        tags,
        summary: "Try a draft rule on the latest tickets, nothing saved",
        description:
          "The draft is validated as on create, then evaluated for each of its triggers but `time` against the `limit` most recently updated tickets as they are now, with their latest customer message's triage signals, as if the event had just happened.",
        security: SECURITY,
        body: DryRunBody,
        response: { 200: DryRunResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = callerWith(request, "rules.read");
      const actor = principal.kind === "agent" ? { role: principal.role, teamId: principal.teamId } : {};
      return inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        dryRunRule(work, { rule: request.body.rule, limit: request.body.limit, actor }),
      );
    },
  );

  app.get(
    "/rules/:id",
    {
      schema: { tags, summary: "Read a rule (ETag: its version)", security: SECURITY, params: IdParams, response: { 200: RuleSchema, ...errorResponses } },
    },
    async (request, reply) => {
      callerWith(request, "rules.read");
      const rule = await getRule(request.server.database.db, request.params.id);
      if (!rule) throw notFound(`rule ${request.params.id}`);
      setETag(reply, rule.version);
      return presentRule(rule);
    },
  );

  app.patch(
    "/rules/:id",
    {
      schema: {
        tags,
        summary: "Change a rule; If-Match (or version) makes it conditional",
        description: "The fields given replace the rule's; the rule they make is validated as a whole. `time: null` takes a time rule's time away.",
        security: SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateRuleBody,
        response: { 200: RuleSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "rules.write");
      const { version, ...changes } = request.body;
      const expected = expectedVersion(request, version);
      const rule = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        updateRule(work, { id: request.params.id, changes: changes as Record<string, unknown>, expectedVersion: expected }),
      );
      setETag(reply, rule.version);
      return presentRule(rule);
    },
  );

  app.delete(
    "/rules/:id",
    {
      schema: {
        tags,
        summary: "Delete a rule (and its timers); If-Match makes it conditional",
        security: SECURITY,
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: { type: "null", description: "deleted" }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "rules.write");
      const expected = expectedVersion(request, undefined);
      await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        deleteRule(work, { id: request.params.id, expectedVersion: expected }),
      );
      return reply.status(204).send(null);
    },
  );
};
