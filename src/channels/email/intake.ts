// Taking one received message, from whichever way it came (the SMTP receiver, later IMAP, an
// admin's reprocessing): read it, then take it in one unit of work; if that fails, keep it raw as
// `error` in a second one, so that nothing received is lost.

import { receiveMail, type ReceivedMail } from "../../commands/mail/receiveMail.js";
import { inWork, type Work } from "../../commands/work.js";
import type { Clock } from "../../core/clock.js";
import { SYSTEM_ACTOR } from "../../core/events/actor.js";
import type { Database } from "../../store/database.js";
import { insertMail, mailById } from "../../store/mail.js";
import { readMail } from "./readMail.js";

export interface IntakeOptions {
  database: Database;
  clock: Clock;
  onError?: (error: Error) => void;
}

/** What a fetched message brings besides its bytes: its mailbox's team, and a write that commits with the message (the mailbox's cursor). */
export interface TakeAlso {
  teamId?: string;
  /** Runs in the unit of work that takes the message, whatever its outcome (the error row's included). */
  inSameWork?: (work: Work) => Promise<void>;
}

/** Takes one received message; never throws for a new one (a failed intake keeps it as `error`); reprocessing one (`replaces`) throws NotReprocessableError when it fails again. */
export async function takeMail(
  options: IntakeOptions,
  raw: Buffer,
  recipients: readonly string[],
  replaces?: string,
  also: TakeAlso = {},
): Promise<ReceivedMail> {
  const { database, clock } = options;
  const mail = await readMail(raw, { maxBytes: Number.MAX_SAFE_INTEGER });
  try {
    return await inWork(database.db, { now: clock.now(), actor: SYSTEM_ACTOR }, async (work) => {
      const received = await receiveMail(work, {
        raw,
        mail,
        recipients,
        ...(replaces !== undefined ? { replaces } : {}),
        ...(also.teamId !== undefined ? { teamId: also.teamId } : {}),
      });
      await also.inSameWork?.(work);
      return received;
    });
  } catch (error) {
    // Taken again by an admin: the kept row stays as it was, and the admin hears why.
    if (replaces !== undefined) throw new NotReprocessableError(`received mail ${replaces} could not be taken again: ${(error as Error).message}`);
    options.onError?.(new Error(`a message from ${mail.from?.address ?? "an unknown sender"} could not be taken: ${(error as Error).message}`));
    const row = await inWork(database.db, { now: clock.now(), actor: SYSTEM_ACTOR }, async (work) => {
      await also.inSameWork?.(work);
      return insertMail(work.tx, {
        direction: "in",
        outcome: "error",
        messageIdHeader: mail.messageId,
        fromAddress: mail.from?.address ?? null,
        toAddresses: [...recipients],
        subject: mail.subject,
        problems: [...mail.errors, { code: "intake_failed", detail: (error as Error).message }],
        size: raw.length,
        raw,
        createdAt: work.now,
      });
    });
    return { outcome: "error", ticketNumber: null, mailId: row.id };
  }
}

/** Thrown when a kept message cannot be taken again: none with this id, or not one kept as `error`. */
export class NotReprocessableError extends Error {}

/** Takes again a message kept as `error` (after a fix, or a team's address added): the outcome it gets now. */
export async function reprocessMail(options: IntakeOptions, id: string): Promise<ReceivedMail> {
  const row = await mailById(options.database.db, id);
  if (!row || row.direction !== "in" || row.raw === null) throw new NotReprocessableError(`received mail ${id} does not exist`);
  if (row.outcome !== "error") throw new NotReprocessableError(`received mail ${id} was taken already (${row.outcome})`);
  return takeMail(options, row.raw, row.toAddresses, row.id);
}
