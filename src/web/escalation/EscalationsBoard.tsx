// The escalations board: every escalation by status (waiting, accepted, sent back, resolved),
// kind and receiving team, newest first, with its age and the expected answer.

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useDirectory } from "../directory/DirectoryProvider.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { escalationBoard, escalationKeys } from "./escalationApi.js";
import "./escalation.css";
import { ageWords, escalationWord } from "./escalationWords.js";

const STATUSES = ["open", "accepted", "bounced", "resolved"] as const;
const KINDS = ["functional", "hierarchical", "external"] as const;

export function EscalationsBoard() {
  const { t, locale, formatDateTime } = useI18n();
  const { teams, agentName } = useDirectory();
  const [status, setStatus] = useState("open,accepted,bounced");
  const [kind, setKind] = useState("");
  const [teamId, setTeamId] = useState("");
  const filter = { ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(teamId ? { teamId } : {}) };
  const board = useQuery({ queryKey: escalationKeys.board(filter), queryFn: () => escalationBoard(filter), refetchInterval: 60_000 });
  const items = board.data?.items ?? null;

  return (
    <section className="admin-screen escalations-board" aria-busy={board.isFetching}>
      <div className="screen-head">
        <PageTitle title={t("escalation.board.title")} />
        <span className="screen-actions">
          <Link to="/escalations/procedures" className="button">
            {t("procedure.link")}
          </Link>{" "}
          <Link to="/escalations/settings" className="button">
            {t("escalation.settings.link")}
          </Link>
        </span>
      </div>
      <form className="filters board-filters" aria-label={t("escalation.board.filters")} onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>{t("escalation.status")}</span>
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="open,accepted,bounced">
              {STATUSES.slice(0, 3)
                .map((s) => escalationWord(locale, "status", s))
                .join(", ")}
            </option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {escalationWord(locale, "status", s)}
              </option>
            ))}
            <option value="">{t("escalation.board.all")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("escalation.kind")}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t("escalation.board.allKinds")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {escalationWord(locale, "kind", k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("escalation.team")}</span>
          <select name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">{t("escalation.board.allTeams")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {board.error !== null && <ErrorNotice error={board.error} onRetry={() => void board.refetch()} />}
      {items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t("escalation.board.empty")}</p>
      ) : (
        <table className="ticket-table escalation-table">
          <caption className="visually-hidden">{t("escalation.board.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("escalation.ticket")}</th>
              <th scope="col">{t("escalation.subject")}</th>
              <th scope="col">{t("escalation.status")}</th>
              <th scope="col">{t("escalation.kind")}</th>
              <th scope="col">{t("escalation.from")}</th>
              <th scope="col">{t("escalation.to")}</th>
              <th scope="col">{t("escalation.urgency")}</th>
              <th scope="col">{t("escalation.age")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-status={e.status}>
                <td>
                  <Link to={`/tickets/${e.ticketNumber}`}>#{e.ticketNumber}</Link>
                </td>
                <td>{e.subject}</td>
                <td>
                  {escalationWord(locale, "status", e.status)}
                  {e.bounceReason && <div className="muted small">{e.bounceReason}</div>}
                </td>
                <td>{escalationWord(locale, "kind", e.kind)}</td>
                <td>{agentName(e.fromAgentId) ?? ""}</td>
                <td>{e.kind === "external" ? e.vendor : e.toAgentId ? agentName(e.toAgentId) : e.toTeamName}</td>
                <td>{escalationWord(locale, "urgency", e.handoff.urgency)}</td>
                <td title={e.etaAt ? t("escalation.eta", { when: formatDateTime(e.etaAt) }) : undefined}>{ageWords(locale, e.ageSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
