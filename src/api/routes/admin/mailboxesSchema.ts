// The JSON of IMAP mailboxes as admins see and write them: settings, whether a password is set
// (never the password), and the state of the mailbox's fetching.

import { Type } from "typebox";
import { MAILBOX_PROBLEMS } from "../../../core/mail/mailboxProblem.js";
import { DateTime, Nullable, StringEnum, Text, Uuid } from "../common/schema.js";

const TLS_MODES = ["tls", "starttls", "none"] as const;
const STATES = ["connecting", "idle", "polling", "failing", "disabled"] as const;

const settings = {
  name: Text(100, { description: "how admins call it" }),
  host: Type.String({ minLength: 1, maxLength: 253, pattern: "^[A-Za-z0-9.:\\[\\]-]+$", description: "the IMAP server's host name or address" }),
  port: Type.Integer({ minimum: 1, maximum: 65_535, description: "993 for TLS, 143 for STARTTLS" }),
  tls: StringEnum(TLS_MODES, { description: "tls (implicit, port 993), starttls, or none (plaintext: loopback only)" }),
  username: Text(320),
  folder: Type.Optional(Text(200, { description: "default INBOX" })),
  teamId: Uuid,
  address: Type.String({ minLength: 3, maxLength: 320, format: "email", description: "the address mail to this mailbox is sent to" }),
  enabled: Type.Optional(Type.Boolean({ description: "default true" })),
};

export const MailboxBody = Type.Object(
  {
    ...settings,
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: "write-only; omitted on an edit: the stored one is kept" })),
  },
  { additionalProperties: false },
);

export const MailboxTestBody = Type.Object(
  {
    ...settings,
    teamId: Type.Optional(Uuid),
    address: Type.Optional(Type.String({ maxLength: 320 })),
    name: Type.Optional(Type.String({ maxLength: 100 })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: "omitted: the stored mailbox's (with `id`)" })),
    id: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const MailboxSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    host: Type.String(),
    port: Type.Integer(),
    tls: StringEnum(TLS_MODES),
    username: Type.String(),
    passwordSet: Type.Boolean({ description: "whether a password is stored (it is never returned)" }),
    folder: Type.String(),
    teamId: Uuid,
    address: Type.String(),
    enabled: Type.Boolean(),
    state: StringEnum(STATES, { description: "idle (connected, IDLE), polling (connected, no IDLE), connecting, failing, disabled" }),
    failingSince: Nullable(DateTime),
    lastError: Nullable(
      Type.Object({ code: StringEnum(MAILBOX_PROBLEMS), detail: Type.String(), message: Type.String({ description: "in the reader's language" }) }),
    ),
    lastConnectedAt: Nullable(DateTime),
    lastMessageAt: Nullable(DateTime),
    lastUid: Type.Integer(),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);

export const MailboxTestResult = Type.Object(
  {
    ok: Type.Boolean(),
    problem: Nullable(
      Type.Object({ code: StringEnum(MAILBOX_PROBLEMS), detail: Type.String(), message: Type.String({ description: "in the reader's language" }) }),
    ),
  },
  { additionalProperties: false },
);
