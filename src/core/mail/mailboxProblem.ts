// What went wrong with an IMAP mailbox, in the reader's language: the kinds of failure an admin
// can act on, and the notices admins get when a mailbox starts failing and when it works again.

import { translate } from "../i18n/translate.js";
import { notifyLocale } from "../notify/escalationTexts.js";

export const MAILBOX_PROBLEMS = ["auth", "unreachable", "certificate", "folder", "timeout", "tls", "key", "other"] as const;
export type MailboxProblemCode = (typeof MAILBOX_PROBLEMS)[number];

export interface MailboxProblem {
  code: MailboxProblemCode;
  /** The server's or the system's own words. */
  detail: string;
}

/** The problem in `locale`'s words (fr, nl, en). */
export function describeMailboxProblem(locale: string | null | undefined, problem: MailboxProblem): string {
  return translate(notifyLocale(locale), `imap.problem.${problem.code}`, { detail: problem.detail });
}

/** The notice admins get once when a mailbox starts failing, and once when it works again. */
export function mailboxNotice(
  locale: string | null | undefined,
  props: { name: string; address: string; problem?: MailboxProblem },
): { title: string; body: string; locale: "fr" | "nl" | "en" } {
  const lang = notifyLocale(locale);
  if (props.problem) {
    return {
      title: translate(lang, "imap.notice.failingTitle", { name: props.name }),
      body: translate(lang, "imap.notice.failingBody", { name: props.name, address: props.address, problem: describeMailboxProblem(lang, props.problem) }),
      locale: lang,
    };
  }
  return {
    title: translate(lang, "imap.notice.recoveredTitle", { name: props.name }),
    body: translate(lang, "imap.notice.recoveredBody", { name: props.name, address: props.address }),
    locale: lang,
  };
}
