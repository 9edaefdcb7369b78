// A mailbox's state as its fetcher sees it, written by the process that holds its lease. Admins
// are told once when a mailbox starts failing (not at every failed attempt) and once when it
// works again, in-app, in their own language.

import { mailboxNotice, type MailboxProblem } from "../../core/mail/mailboxProblem.js";
import { activeAdmins, lockMailbox, setMailboxState } from "../../store/mailboxes.js";
import { enqueue, type OutboxItem } from "../../store/outbox/outbox.js";
import type { Work } from "../work.js";

async function tellAdmins(work: Work, mailbox: { id: string; name: string; address: string }, problem?: MailboxProblem): Promise<number> {
  const admins = await activeAdmins(work.tx);
  const items: OutboxItem[] = admins.map((admin) => {
    const text = mailboxNotice(admin.locale, { name: mailbox.name, address: mailbox.address, ...(problem ? { problem } : {}) });
    const data = { type: problem ? "mailbox_failing" : "mailbox_recovered", mailboxId: mailbox.id, ...(problem ? { problem: problem.code } : {}) };
    return { kind: "inapp", agentId: admin.id, payload: { title: text.title, body: text.body, data } };
  });
  if (items.length > 0) await enqueue(work.tx, items, work.now);
  return items.length;
}

/** Records a failure; the first of an episode tells the admins. Answers how many were told. */
export async function markMailboxFailing(work: Work, props: { id: string; problem: MailboxProblem }): Promise<number> {
  const row = await lockMailbox(work.tx, props.id);
  if (!row) return 0;
  const starts = row.failingSince === null;
  await setMailboxState(work.tx, row.id, {
    state: "failing",
    failingSince: row.failingSince ?? work.now,
    lastErrorCode: props.problem.code,
    lastError: props.problem.detail,
  });
  return starts ? tellAdmins(work, row, props.problem) : 0;
}

/** Records a working connection (`idle` with IDLE, else `polling`); the end of a failure episode tells the admins. */
export async function markMailboxWorking(work: Work, props: { id: string; state: "idle" | "polling" }): Promise<number> {
  const row = await lockMailbox(work.tx, props.id);
  if (!row) return 0;
  const recovers = row.failingSince !== null;
  await setMailboxState(work.tx, row.id, { state: props.state, failingSince: null, lastConnectedAt: work.now });
  return recovers ? tellAdmins(work, row) : 0;
}
