// IMAP mailboxes for admins: list, create, edit, delete, and try a connection. The password is
// write-only (sealed with AES-256-GCM; the API says only whether one is set, and an edit without
// one keeps it); each mailbox comes with the state of its fetching and its last error in the
// reader's language. Every edit tells the fetching processes at once (NOTIFY).

import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Static } from "typebox";
import { testImapConnection } from "../../../channels/email/imapFetcher.js";
import { openSecret, sealSecret, SecretUnreadableError } from "../../../channels/sealedSecret.js";
import { describeMailboxProblem, type MailboxProblem, type MailboxProblemCode } from "../../../core/mail/mailboxProblem.js";
import { teamStore } from "../../../store/entities.js";
import { InvalidReferenceError } from "../../../store/errors.js";
import { deleteMailbox, insertMailbox, listMailboxes, mailboxById, signalMailboxes, updateMailbox, type MailboxRow } from "../../../store/mailboxes.js";
import { pgErrorOf } from "../../../store/pgError.js";
import { HttpError, notFound, readerLocale } from "../../errors.js";
import { callerWith } from "../common/access.js";
import { errorResponses, IdParams, SECURITY } from "../common/schema.js";
import { MailboxBody, MailboxSchema, MailboxTestBody, MailboxTestResult } from "./mailboxesSchema.js";
import type { FastifyRequest } from "fastify";
import { Type } from "typebox";

const tags = ["admin"];

function presentProblem(locale: string, problem: MailboxProblem) {
  return { code: problem.code, detail: problem.detail, message: describeMailboxProblem(locale, problem) };
}

function presentMailbox(row: MailboxRow, locale: string): Static<typeof MailboxSchema> {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tls: row.tls as Static<typeof MailboxSchema>["tls"],
    username: row.username,
    passwordSet: row.passwordSecret !== null,
    folder: row.folder,
    teamId: row.teamId,
    address: row.address,
    enabled: row.enabled,
    state: row.state as Static<typeof MailboxSchema>["state"],
    failingSince: row.failingSince?.toISOString() ?? null,
    lastError: row.lastErrorCode === null ? null : presentProblem(locale, { code: row.lastErrorCode as MailboxProblemCode, detail: row.lastError ?? "" }),
    lastConnectedAt: row.lastConnectedAt?.toISOString() ?? null,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    lastUid: row.lastUid,
    version: row.version,
  };
}

async function localeOf(request: FastifyRequest): Promise<string> {
  return (await readerLocale(request)) ?? "en";
}

async function settingsOf(request: FastifyRequest, body: Static<typeof MailboxBody>) {
  const team = await teamStore.get(request.server.database.db, body.teamId);
  if (!team) throw new InvalidReferenceError("teamId", `team ${body.teamId} does not exist`);
  return {
    name: body.name.trim(),
    host: body.host.trim(),
    port: body.port,
    tls: body.tls,
    username: body.username,
    folder: body.folder ?? "INBOX",
    teamId: body.teamId,
    address: body.address.trim().toLowerCase(),
    enabled: body.enabled ?? true,
  };
}

/** A taken name as a named error on `name`. */
function duplicateName(error: unknown, name: string): never {
  if (pgErrorOf(error)?.code === "23505")
    throw new HttpError(409, "duplicate", `name: a mailbox named ${name} exists already`, [
      { path: "name", message: `a mailbox named ${name} exists already` },
    ]);
  throw error;
}

export const mailboxAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/admin/mailboxes",
    {
      schema: {
        tags,
        summary: "List the IMAP mailboxes with the state of their fetching",
        security: SECURITY,
        response: { 200: Type.Object({ items: Type.Array(MailboxSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      const locale = await localeOf(request);
      return { items: (await listMailboxes(request.server.database.db)).map((row) => presentMailbox(row, locale)) };
    },
  );

  app.get(
    "/admin/mailboxes/:id",
    { schema: { tags, summary: "One IMAP mailbox", security: SECURITY, params: IdParams, response: { 200: MailboxSchema, ...errorResponses } } },
    async (request) => {
      callerWith(request, "outbox.admin");
      const row = await mailboxById(request.server.database.db, request.params.id);
      if (!row) throw notFound(`mailbox ${request.params.id}`);
      return presentMailbox(row, await localeOf(request));
    },
  );

  app.post(
    "/admin/mailboxes",
    {
      schema: {
        tags,
        summary: "Add an IMAP mailbox fetched into a team",
        security: SECURITY,
        body: MailboxBody,
        response: { 201: MailboxSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "outbox.admin");
      const settings = await settingsOf(request, request.body);
      const passwordSecret = request.body.password === undefined ? null : sealSecret(request.server.secretKey, request.body.password);
      const row = await request.server.database.db
        .transaction(async (tx) => {
          const inserted = await insertMailbox(tx as never, { ...settings, passwordSecret }, request.server.clock.now());
          await signalMailboxes(tx as never);
          return inserted;
        })
        .catch((error: unknown) => duplicateName(error, settings.name));
      return reply.status(201).send(presentMailbox(row, await localeOf(request)));
    },
  );

  app.put(
    "/admin/mailboxes/:id",
    {
      schema: {
        tags,
        summary: "Edit an IMAP mailbox; without `password` the stored one is kept",
        security: SECURITY,
        params: IdParams,
        body: MailboxBody,
        response: { 200: MailboxSchema, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      const settings = await settingsOf(request, request.body);
      const password = request.body.password;
      const row = await request.server.database.db
        .transaction(async (tx) => {
          const updated = await updateMailbox(
            tx as never,
            request.params.id,
            { ...settings, ...(password !== undefined ? { passwordSecret: sealSecret(request.server.secretKey, password) } : {}) },
            request.server.clock.now(),
          );
          await signalMailboxes(tx as never);
          return updated;
        })
        .catch((error: unknown) => duplicateName(error, settings.name));
      if (!row) throw notFound(`mailbox ${request.params.id}`);
      return presentMailbox(row, await localeOf(request));
    },
  );

  app.delete(
    "/admin/mailboxes/:id",
    {
      schema: {
        tags,
        summary: "Remove an IMAP mailbox (the mail it brought stays)",
        security: SECURITY,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      callerWith(request, "outbox.admin");
      const deleted = await request.server.database.db.transaction(async (tx) => {
        const gone = await deleteMailbox(tx as never, request.params.id);
        await signalMailboxes(tx as never);
        return gone;
      });
      if (!deleted) throw notFound(`mailbox ${request.params.id}`);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/admin/mailboxes/test",
    {
      schema: {
        tags,
        summary: "Try connecting with these settings (the stored password of `id` when none is given): what went wrong, in the reader's language",
        security: SECURITY,
        body: MailboxTestBody,
        response: { 200: MailboxTestResult, ...errorResponses },
      },
    },
    async (request) => {
      callerWith(request, "outbox.admin");
      const locale = await localeOf(request);
      const body = request.body;
      let password = body.password;
      if (password === undefined && body.id !== undefined) {
        const stored = await mailboxById(request.server.database.db, body.id);
        if (!stored) throw notFound(`mailbox ${body.id}`);
        if (stored.passwordSecret !== null) {
          try {
            password = openSecret(request.server.secretKey, stored.passwordSecret);
          } catch (error) {
            if (!(error instanceof SecretUnreadableError)) throw error;
            return { ok: false, problem: presentProblem(locale, { code: "key", detail: error.message }) };
          }
        }
      }
      const problem = await testImapConnection({
        host: body.host,
        port: body.port,
        tls: body.tls,
        username: body.username,
        password: password ?? "",
        folder: body.folder ?? "INBOX",
      });
      return { ok: problem === null, problem: problem === null ? null : presentProblem(locale, problem) };
    },
  );
};
