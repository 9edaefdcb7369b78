// An agent's escalation figures in the admin screens: how many escalations they made, how many
// came back to them (the bounce count on the agent), and how many they sent back themselves.

import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/I18nProvider.js";
import { type AgentEscalationCounts, agentEscalationCounts, escalationCountsByAgent } from "./escalationApi.js";

/** The figures of a page of agents in one call; an empty map until they arrive (or when the caller may not read them). */
export function useAgentsEscalationCounts(agentIds: readonly string[]): ReadonlyMap<string, AgentEscalationCounts> {
  const ids = [...new Set(agentIds)].sort();
  const counts = useQuery({
    queryKey: ["agentEscalations", "many", ids],
    queryFn: () => escalationCountsByAgent(ids),
    enabled: ids.length > 0,
  });
  return new Map((counts.data ?? []).map((c) => [c.agentId, c]));
}

/** The agents list's cell: "4 · 1 sent back", or a dash before the figures arrive. */
export function AgentEscalationCell({ counts }: { counts: AgentEscalationCounts | undefined }) {
  const { t } = useI18n();
  if (!counts) return <>—</>;
  return (
    <span className={counts.bounced > 0 ? "bounce-count has-bounces" : "bounce-count"} data-bounced={counts.bounced}>
      {t("escalation.agentFigures.cell", { escalated: counts.escalated, bounced: counts.bounced })}
    </span>
  );
}

/** The agent editor's section: the three figures. */
export function AgentEscalationFigures({ agentId }: { agentId: string }) {
  const { t } = useI18n();
  const counts = useQuery({ queryKey: ["agentEscalations", agentId], queryFn: () => agentEscalationCounts(agentId) });
  if (!counts.data) return null;
  const figures = [
    ["escalated", counts.data.escalated],
    ["bounced", counts.data.bounced],
    ["sentBack", counts.data.sentBack],
  ] as const;
  return (
    <section className="agent-escalations" aria-labelledby="agent-escalations-title">
      <h2 id="agent-escalations-title">{t("escalation.agentFigures.title")}</h2>
      <dl className="figures">
        {figures.map(([key, value]) => (
          <div key={key} data-figure={key}>
            <dt>{t(`escalation.agentFigures.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
