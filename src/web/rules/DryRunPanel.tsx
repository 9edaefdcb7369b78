// "Try on the last N tickets": the draft evaluated against the latest tickets as they are now,
// nothing written; for each ticket it would act on, the trigger, the conditions that held, what
// would change and what else would happen. Also the dialog that asks before saving a rule that
// would act on many tickets.

import { Modal } from "../components/Modal.js";
import { useId } from "react";
import type { RuleDryRun } from "../api/rules.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { changeText, effectText, matchedText } from "./dryRunText.js";
import { useSummaryWords } from "./useSummaryWords.js";

export const DRY_RUN_LIMITS = { min: 1, max: 1000, initial: 200 } as const;

interface PanelProps {
  limit: number;
  onLimit(limit: number): void;
  onTry(): void;
  busy: boolean;
  result: RuleDryRun | null;
  /** The draft changed since the result was computed. */
  stale: boolean;
  /** Nothing to try: the rule only listens to time. */
  timeOnly: boolean;
}

export function DryRunPanel({ limit, onLimit, onTry, busy, result, stale, timeOnly }: PanelProps) {
  const { t } = useI18n();
  const limitId = useId();
  return (
    <section className="panel dry-run" aria-labelledby={`${limitId}-title`} aria-busy={busy}>
      <h2 id={`${limitId}-title`}>{t("rules.dryRun.title")}</h2>
      <p className="muted small">{t("rules.dryRun.intro")}</p>
      {timeOnly ? (
        <p className="notice notice-info">{t("rules.dryRun.timeOnly")}</p>
      ) : (
        <div className="dry-run-controls">
          <div className="field">
            <label htmlFor={limitId}>{t("rules.dryRun.limit")}</label>
            <input
              id={limitId}
              type="number"
              inputMode="numeric"
              min={DRY_RUN_LIMITS.min}
              max={DRY_RUN_LIMITS.max}
              step={1}
              value={limit}
              onChange={(e) => onLimit(Math.min(DRY_RUN_LIMITS.max, Math.max(DRY_RUN_LIMITS.min, Math.floor(Number(e.target.value) || DRY_RUN_LIMITS.min))))}
            />
          </div>
          <button type="button" className="button" onClick={onTry} disabled={busy}>
            {busy ? t("rules.dryRun.trying") : t("rules.dryRun.try")}
          </button>
        </div>
      )}
      {result && !timeOnly && (
        <div className={stale ? "dry-run-result stale" : "dry-run-result"} data-testid="dry-run-result">
          {stale && <p className="notice notice-warning">{t("rules.dryRun.stale")}</p>}
          <p role="status" className="dry-run-count">
            {t("rules.dryRun.count", { matched: new Set(result.matched.map((m) => m.ticketNumber)).size, examined: result.examined })}
          </p>
          <DryRunMatches result={result} />
        </div>
      )}
    </section>
  );
}

/** The tickets a dry run matched, at most `max` of them. */
export function DryRunMatches({ result, max = 50 }: { result: RuleDryRun; max?: number }) {
  const { t, tx } = useI18n();
  const words = useSummaryWords();
  if (result.matched.length === 0) return null;
  return (
    <>
      <ul className="dry-run-matches">
        {result.matched.slice(0, max).map((match) => {
          const changes = Object.entries(match.changes);
          return (
            <li key={`${match.ticketNumber}-${match.trigger}`} data-ticket={match.ticketNumber}>
              <p className="match-head">
                {/* A new tab: the draft stays as it is. */}
                <a href={`/tickets/${match.ticketNumber}`} target="_blank" rel="noopener">
                  #{match.ticketNumber} {match.subject}
                </a>{" "}
                <span className="badge badge-muted">{tx(`rules.trigger.${match.trigger}`, match.trigger)}</span>
              </p>
              {match.matched.length > 0 && (
                <p className="small">
                  <span className="muted">{t("rules.dryRun.because")}</span> {match.matched.map((m) => matchedText(m, words)).join(" · ")}
                </p>
              )}
              {changes.length > 0 && (
                <p className="small">
                  <span className="muted">{t("rules.dryRun.wouldChange")}</span> {changes.map(([field, pair]) => changeText(field, pair, words)).join(" · ")}
                </p>
              )}
              {match.actions.length > 0 && (
                <p className="small">
                  <span className="muted">{t("rules.dryRun.wouldAlso")}</span> {match.actions.map((action) => effectText(action, words)).join(" · ")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {result.matched.length > max && <p className="muted small">{t("rules.dryRun.more", { count: result.matched.length - max })}</p>}
    </>
  );
}

/** Asks before saving an enabled rule the dry run shows acting on many tickets. */
export function ManyMatchesDialog({ result, busy, onConfirm, onCancel }: { result: RuleDryRun; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useI18n();
  const tickets = new Set(result.matched.map((m) => m.ticketNumber)).size;
  return (
    <Modal title={t("rules.many.title")} onCancel={onCancel}>
      <p>{t("rules.many.body", { matched: tickets, examined: result.examined })}</p>
      <div className="impact-examples">
        <DryRunMatches result={result} max={5} />
      </div>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy} autoFocus>
          {t("rules.many.cancel")}
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy}>
          {busy ? t("app.saving") : t("rules.many.confirm")}
        </button>
      </div>
    </Modal>
  );
}

/** Asks before deleting a rule. */
export function DeleteDialog({ name, busy, onConfirm, onCancel }: { name: string; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <Modal title={t("rules.delete.title", { name })} onCancel={onCancel}>
      <p>{t("rules.delete.body")}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy} autoFocus>
          {t("rules.delete.cancel")}
        </button>
        <button type="button" className="button danger" onClick={onConfirm} disabled={busy}>
          {t("rules.delete.confirm")}
        </button>
      </div>
    </Modal>
  );
}
