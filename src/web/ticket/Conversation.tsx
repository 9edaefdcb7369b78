// The conversation of a ticket, oldest first: the customer's messages, the agents' public
// replies, and internal notes (on yellow, labelled, never shown to the customer), with whom they
// mention; a reply a lead suggested offers the agents it mentions to use it as theirs.

import type { Attachment, Customer, Message } from "../api/types.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { MessageBody } from "./MessageBody.js";
import { withoutMentions } from "./mentionDraft.js";
import { MessageTriage } from "./TriageSignals.js";

/** `language` (the ticket's, when known) marks the bodies for screen readers and hyphenation. */
export function Conversation({
  messages,
  customer,
  language,
  onUseReply,
}: {
  messages: Message[];
  customer: Customer | undefined;
  language: string | null;
  /** Puts a suggested reply's text into the reply composer; none: the reader cannot reply. */
  onUseReply?: ((text: string) => void) | undefined;
}) {
  const { t } = useI18n();
  if (messages.length === 0) return <p className="empty">{t("ticket.noMessages")}</p>;
  return (
    <ol className="conversation" aria-label={t("ticket.conversation")}>
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} customer={customer} language={language} onUseReply={onUseReply} />
      ))}
    </ol>
  );
}

function MessageItem({
  message,
  customer,
  language,
  onUseReply,
}: {
  message: Message;
  customer: Customer | undefined;
  language: string | null;
  onUseReply?: ((text: string) => void) | undefined;
}) {
  const { t, tx, formatDateTime } = useI18n();
  const { agentName } = useDirectory();
  const me = usePrincipal();
  const mentions = message.mentions ?? [];
  const names = mentions.map((id) => agentName(id) ?? t("ticket.agent")).join(", ");
  const suggested = message.kind === "note" && message.suggestion === true;
  const forMe = suggested && me.kind === "agent" && mentions.includes(me.id);
  const author =
    message.kind === "customer"
      ? (customer?.name ?? t("ticket.customer"))
      : (agentName(message.authorAgentId) ?? (message.authorAgentId ? t("ticket.agent") : t("ticket.system")));
  const label = message.kind === "note" ? t("message.note") : message.kind === "reply" ? t("message.reply") : tx(`channel.${message.channel}`, message.channel);
  return (
    <li
      className={`message message-${message.kind}${suggested ? " message-suggestion" : ""}`}
      data-kind={message.kind}
      data-suggestion={suggested || undefined}
    >
      <div className="message-head">
        <span className="message-author">{author}</span>
        <span className={`message-kind kind-${message.kind}`}>{suggested ? t("message.suggestion") : label}</span>
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
      </div>
      <MessageBody html={message.bodyHtml} language={language} />
      {mentions.length > 0 && (
        <p className="muted small message-mentions">{suggested ? t("message.suggestedFor", { names }) : t("message.mentions", { names })}</p>
      )}
      {forMe && onUseReply && (
        <button
          type="button"
          className="button use-reply"
          onClick={() => onUseReply(withoutMentions(message.bodyText, mentions.map((id) => agentName(id) ?? "").filter(Boolean)))}
        >
          {t("message.useReply")}
        </button>
      )}
      <MessageTriage message={message} />
      {message.attachments.length > 0 && (
        <ul className="attachments" aria-label={t("message.attachments")}>
          {message.attachments.map((attachment, index) => (
            <li key={`${attachment.name}-${index}`}>
              <AttachmentLink attachment={attachment} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** A file of the message: a download link with its size, a thumbnail for an image; its name alone when it was not kept. */
function AttachmentLink({ attachment }: { attachment: Attachment }) {
  const { t, locale } = useI18n();
  const size = new Intl.NumberFormat(locale, { style: "unit", unit: attachment.size >= 1_000_000 ? "megabyte" : "kilobyte", maximumFractionDigits: 1 }).format(
    attachment.size >= 1_000_000 ? attachment.size / 1_000_000 : Math.max(attachment.size / 1_000, 0.1),
  );
  if (!attachment.url) return <span>{attachment.name}</span>;
  return (
    <a href={attachment.url} download={attachment.name} className="attachment-link" title={t("message.download", { name: attachment.name })}>
      {IMAGE_TYPES.has(attachment.contentType) && <img src={attachment.url} alt="" className="attachment-thumb" loading="lazy" />}
      <span className="attachment-name">{attachment.name}</span> <span className="muted small">({size})</span>
    </a>
  );
}
