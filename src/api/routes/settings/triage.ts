// The triage settings: the frustration threshold and the alarm words, read by anyone who reads
// rules and changed, under their version, by those who write them.

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { type Static, Type } from "typebox";
import { inWork } from "../../../commands/work.js";
import { LANGUAGES } from "../../../core/ticket/ticket.js";
import { ALARM_KINDS } from "../../../core/triage/signals.js";
import { getTriageSettings, putTriageSettings, type TriageSettings } from "../../../store/settings.js";
import { actorOf, callerWith, now } from "../common/access.js";
import { errorResponses, IfMatchHeaders, SECURITY, VersionField } from "../common/schema.js";
import { expectedVersion, setETag } from "../common/versions.js";

const tags = ["settings"];

const Phrases = Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: "[\\p{L}\\p{N}]" }), {
  maxItems: 200,
  description: "phrases matched as whole words, without case, accents or punctuation",
});
const byLanguage = (list: typeof Phrases, optional: boolean) =>
  Type.Object(Object.fromEntries(LANGUAGES.map((language) => [language, optional ? Type.Optional(list) : list])), { additionalProperties: false });

const AlarmsOut = Type.Object(Object.fromEntries(ALARM_KINDS.map((kind) => [kind, byLanguage(Phrases, false)])), {
  additionalProperties: false,
  description: "alarm phrases by kind and language",
});
const AlarmsIn = Type.Object(Object.fromEntries(ALARM_KINDS.map((kind) => [kind, Type.Optional(byLanguage(Phrases, true))])), {
  additionalProperties: false,
  description: "each list given replaces the one of its kind and language; the others stay",
});

const Threshold = Type.Number({ minimum: 0, maximum: 1, description: "the frustration (0 to 1) from which a message counts as frustrated" });

export const TriageSettingsSchema = Type.Object(
  { threshold: Threshold, alarms: AlarmsOut, version: Type.Integer({ description: "0 while the defaults were never changed" }) },
  { additionalProperties: false },
);
export const TriageSettingsBody = Type.Object(
  { threshold: Type.Optional(Threshold), alarms: Type.Optional(AlarmsIn), version: VersionField },
  { additionalProperties: false },
);

/** The settings' JSON (the lexicon's lists as plain arrays). */
function presentSettings(settings: TriageSettings): Static<typeof TriageSettingsSchema> {
  return settings as unknown as Static<typeof TriageSettingsSchema>;
}

/** Registers GET and PUT /settings/triage. */
export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/settings/triage",
    {
      schema: {
        tags,
        summary: "Read the triage settings (ETag: their version)",
        security: SECURITY,
        response: { 200: TriageSettingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "rules.read");
      const settings = await getTriageSettings(request.server.database.db);
      setETag(reply, settings.version);
      return presentSettings(settings);
    },
  );

  app.put(
    "/settings/triage",
    {
      schema: {
        tags,
        summary: "Change the triage settings; If-Match (or version) makes it conditional",
        security: SECURITY,
        headers: IfMatchHeaders,
        body: TriageSettingsBody,
        response: { 200: TriageSettingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = callerWith(request, "rules.write");
      const { version, ...changes } = request.body;
      const expected = expectedVersion(request, version);
      const settings = await inWork(request.server.database.db, { now: now(request), actor: actorOf(principal) }, (work) =>
        putTriageSettings(work.tx, changes as Parameters<typeof putTriageSettings>[1], work.now, expected),
      );
      setETag(reply, settings.version);
      return presentSettings(settings);
    },
  );
};
