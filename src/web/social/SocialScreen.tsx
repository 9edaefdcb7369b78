// The social triage view: incidents on top, then the stream of social messages, each with its
// author's profile flagged (verified, influential), their last seven days on demand, and one
// action that sends the message to support as a priority ticket with internal tags.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import { AuthorLine } from "./AuthorLine.js";
import { SocialConnections } from "./SocialConnections.js";
import { authorHistory, closeIncident, escalatePost, listSocialPosts, type SocialPost } from "./socialApi.js";

const STREAM = ["social", "posts"] as const;

function History({ post }: { post: SocialPost }) {
  const { t, formatDateTime } = useI18n();
  const query = useQuery({ queryKey: ["social", "history", post.id], queryFn: () => authorHistory(post.id) });
  if (query.error) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <p className="muted">{t("app.loading")}</p>;
  const others = query.data.filter((item) => item.id !== post.id);
  if (others.length === 0) return <p className="muted small">{t("social.historyEmpty")}</p>;
  return (
    <ul className="social-history">
      {others.map((item) => (
        <li key={item.id} className="small">
          <time dateTime={item.receivedAt}>{formatDateTime(item.receivedAt)}</time> · {item.text}
          {item.ticketNumber !== null && (
            <>
              {" "}
              · <Link to={`/tickets/${item.ticketNumber}`}>#{item.ticketNumber}</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function Escalate({ post }: { post: SocialPost }) {
  const { t, tx } = useI18n();
  const client = useQueryClient();
  const [priority, setPriority] = useState("high");
  const [tags, setTags] = useState("");
  const mutation = useMutation({
    mutationFn: () =>
      escalatePost(post.id, {
        priority,
        tags: tags
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean),
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: STREAM }),
  });
  if (post.escalatedAt) return <span className="badge badge-muted">{t("social.escalated")}</span>;
  return (
    <form
      className="social-escalate"
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
    >
      <label>
        {t("social.escalatePriority")}{" "}
        <select value={priority} onChange={(event) => setPriority(event.target.value)}>
          {["normal", "high", "urgent"].map((value) => (
            <option key={value} value={value}>
              {tx(`priority.${value}`, value)}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        {t("social.escalateTags")} <input value={tags} onChange={(event) => setTags(event.target.value)} />
      </label>{" "}
      <button type="submit" className="button" disabled={mutation.isPending}>
        {t("social.escalate")}
      </button>
      {mutation.error && <ErrorNotice error={mutation.error} />}
    </form>
  );
}

export function SocialScreen() {
  const { t, formatDateTime } = useI18n();
  const principal = usePrincipal();
  const client = useQueryClient();
  const query = useQuery({ queryKey: STREAM, queryFn: listSocialPosts });
  const close = useMutation({ mutationFn: closeIncident, onSuccess: () => void client.invalidateQueries({ queryKey: STREAM }) });
  const [opened, setOpened] = useState<string | null>(null);
  const isManager = principal.kind === "agent" && (principal.role === "admin" || principal.role === "manager");
  const isAdmin = principal.kind === "agent" && principal.role === "admin";
  const readOnly = principal.kind === "agent" && principal.role === "viewer";
  const data = query.data;
  return (
    <section className="admin-screen social-screen" aria-busy={!data && !query.error}>
      <div className="screen-head">
        <PageTitle title={t("social.title")} />
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t("social.refresh")}
        </button>
      </div>
      <p className="muted">{t("social.intro")}</p>
      {query.error && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {data?.incidents
        .filter((incident) => incident.closedAt === null)
        .map((incident) => (
          <div key={incident.id} className="notice notice-error" role="alert">
            {t("social.incident", {
              network: t("social.network", { network: incident.channel }),
              count: incident.data.count ?? 0,
              minutes: incident.data.windowMinutes ?? 0,
            })}{" "}
            · <time dateTime={incident.raisedAt}>{formatDateTime(incident.raisedAt)}</time>{" "}
            {isManager && (
              <button type="button" className="button" onClick={() => close.mutate(incident.id)}>
                {t("social.incidentClose")}
              </button>
            )}
          </div>
        ))}
      {!data ? (
        !query.error && <p className="muted">{t("app.loading")}</p>
      ) : data.items.length === 0 ? (
        <p className="empty">{t("social.empty")}</p>
      ) : (
        <ul className="card-list social-stream" aria-label={t("social.title")}>
          {data.items.map((post) => (
            <li key={post.id} className="card-row social-post" data-post={post.id}>
              <p className="small">
                {t("social.network", { network: post.network })} · {t("social.kind", { kind: post.kind })} · <AuthorLine post={post} /> ·{" "}
                <time dateTime={post.receivedAt}>{formatDateTime(post.receivedAt)}</time>
                {post.negative && <span className="badge badge-accent"> {t("social.negative")}</span>}
                {post.ticketNumber !== null && (
                  <>
                    {" "}
                    · <Link to={`/tickets/${post.ticketNumber}`}>{t("social.ticket", { number: post.ticketNumber })}</Link>
                  </>
                )}
              </p>
              <p className="social-text">{post.text}</p>
              <details open={opened === post.id} onToggle={(event) => setOpened((event.target as HTMLDetailsElement).open ? post.id : null)}>
                <summary>{t("social.history")}</summary>
                {opened === post.id && <History post={post} />}
              </details>
              {!readOnly && post.ticketNumber !== null && <Escalate post={post} />}
            </li>
          ))}
        </ul>
      )}
      {isAdmin && <SocialConnections />}
    </section>
  );
}
