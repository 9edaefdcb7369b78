// The escalation settings: the reminder delay of idle escalations, the escalate-without-trying
// guard, the ETA per urgency, the approval limits per role and the root causes offered; read by
// the staff, changed under their version by managers and admins (docs/escalation.md#settings).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type Static, Type } from "typebox";
import { inWork } from "../../../commands/work.js";
import { ROLES } from "../../../core/access/permissions.js";
import { checkEscalationSettings } from "../../../core/escalation/escalationSettingsCheck.js";
import { HANDOFF_URGENCIES } from "../../../core/escalation/handoff.js";
import { getEscalationSettings, putEscalationSettings, readEscalationSettings, type EditableEscalationSettings } from "../../../store/escalations.js";
import { actorOf, callerWith, forbidden, now } from "../common/access.js";
import { errorResponses, IfMatchHeaders, SECURITY, VersionField } from "../common/schema.js";
import { expectedVersion, setETag } from "../common/versions.js";

const tags = ["escalations"];

const perUrgency = (value: ReturnType<typeof Type.Number> | ReturnType<typeof Type.Unknown>, optional: boolean) =>
  Type.Object(Object.fromEntries(HANDOFF_URGENCIES.map((u) => [u, optional ? Type.Optional(value) : value])), { additionalProperties: false });
const perRole = (value: ReturnType<typeof Type.Union> | ReturnType<typeof Type.Unknown>, optional: boolean) =>
  Type.Object(Object.fromEntries(ROLES.map((r) => [r, optional ? Type.Optional(value) : value])), { additionalProperties: false });

const Labels = Type.Object({ fr: Type.String(), nl: Type.String(), en: Type.String() }, { additionalProperties: false });

/** One root cause: built-in ones read their words from the catalogue unless the workspace renamed them. */
export const RootCauseSchema = Type.Object(
  {
    code: Type.String(),
    builtIn: Type.Boolean({ description: "one of the product's causes, whose words the catalogue holds" }),
    labels: Type.Union([Labels, Type.Null()], { description: "the workspace's words in French, Dutch and English; null: the catalogue's" }),
    retired: Type.Boolean({ description: "no longer offered when solving" }),
  },
  { additionalProperties: false },
);

export const EscalationSettingsSchema = Type.Object(
  {
    reminderHours: Type.Number({ description: "business hours without activity before the owner is reminded" }),
    tryFirstMinutes: Type.Number({ description: "escalating within this many minutes of creation, with no reply or note, needs a reason" }),
    etaMinutes: perUrgency(Type.Number(), false),
    approvalLimits: perRole(Type.Union([Type.Number(), Type.Null()]), false),
    rootCauses: Type.Array(RootCauseSchema, { description: "every root cause, offered and retired, in the order offered" }),
    version: Type.Integer({ description: "0 while the defaults were never changed" }),
  },
  { additionalProperties: false },
);

// Numbers are checked by the core, which names each field in the reader's language.
export const EscalationSettingsBody = Type.Object(
  {
    reminderHours: Type.Optional(Type.Unknown()),
    tryFirstMinutes: Type.Optional(Type.Unknown()),
    etaMinutes: Type.Optional(perUrgency(Type.Unknown(), true)),
    approvalLimits: Type.Optional(perRole(Type.Unknown(), true)),
    rootCauses: Type.Optional(
      Type.Unknown({
        description:
          "the whole list, in the order offered: a known code alone (offered), or `{code?, labels?: {fr, nl, en}, retired?}` (a new cause needs its three labels; without a code one is made from the English label; `labels: null` gives a built-in cause its catalogue words back). Causes left out stay, retired.",
      }),
    ),
    version: VersionField,
  },
  { additionalProperties: false },
);

function present(settings: EditableEscalationSettings): Static<typeof EscalationSettingsSchema> {
  return { ...settings, rootCauses: settings.rootCauses.map((cause) => ({ ...cause })) } as Static<typeof EscalationSettingsSchema>;
}

/** Registers GET and PUT /settings/escalation. */
export const escalationSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/settings/escalation",
    {
      schema: {
        tags,
        summary: "Read the escalation settings (ETag: their version)",
        security: SECURITY,
        response: { 200: EscalationSettingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      // The staff's settings: customers read tickets, not how the staff runs escalations.
      if (callerWith(request, "tickets.read").kind === "customer") throw forbidden("escalation settings are the staff's");
      const settings = await readEscalationSettings(request.server.database.db);
      setETag(reply, settings.version);
      return present(settings);
    },
  );

  app.put(
    "/settings/escalation",
    {
      schema: {
        tags,
        summary: "Change the escalation settings; each field given replaces the workspace's; If-Match (or version) makes it conditional",
        description: "Every problem is a 400 naming its field (`reminderHours`, `etaMinutes.high`, `approvalLimits.agent`, `rootCauses[2].labels.nl`…).",
        security: SECURITY,
        headers: IfMatchHeaders,
        body: EscalationSettingsBody,
        response: { 200: EscalationSettingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "teams.write");
      const { version, ...change } = request.body;
      const expected = expectedVersion(request, version);
      const settings = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, async (work) => {
        // Root causes are checked against the list in force: a cause left out stays, retired.
        const current = await getEscalationSettings(work.tx);
        const checked = checkEscalationSettings(change as Parameters<typeof checkEscalationSettings>[0], current.rootCauses);
        return putEscalationSettings(work.tx, checked, work.now, expected);
      });
      setETag(reply, settings.version);
      return present(settings);
    },
  );
};
