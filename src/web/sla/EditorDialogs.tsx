// The two questions the SLA editors ask: leave with unsaved edits, and save an edit whose impact
// on open tickets the dry run has told. Native modal dialogs: focus stays inside, Escape cancels.

import { Modal } from "../components/Modal.js";
import type { Blocker } from "react-router";
import type { Impact } from "../api/slaTypes.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { formatInstant } from "../lib/viewerTime.js";
import { exampleLine, impactLines } from "./impactText.js";
import "./sla.css";

/** Asks before a held navigation leaves unsaved edits behind. */
export function UnsavedDialog({ blocker }: { blocker: Blocker }) {
  const { t } = useI18n();
  if (blocker.state !== "blocked") return null;
  return (
    <Modal title={t("sla.unsaved.title")} onCancel={() => blocker.reset()}>
      <p>{t("sla.unsaved.body")}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => blocker.reset()} autoFocus>
          {t("sla.unsaved.stay")}
        </button>
        <button type="button" className="button" onClick={() => blocker.proceed()}>
          {t("sla.unsaved.leave")}
        </button>
      </div>
    </Modal>
  );
}

/** The dry run's impact, saved only on confirm. */
export function ImpactDialog({ impact, busy, onConfirm, onCancel }: { impact: Impact; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t, locale } = useI18n();
  const words = { t, formatInstant: (iso: string) => formatInstant(iso, locale) };
  return (
    <Modal title={t("sla.impact.title")} onCancel={onCancel}>
      <ul className="impact-lines">
        {impactLines(impact, words).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {impact.examples.length > 0 && (
        <div className="impact-examples">
          <p>{t("sla.impact.examples")}</p>
          <ul>
            {impact.examples.map((example) => (
              <li key={`${example.number}-${example.clock}`}>{exampleLine(example, words)}</li>
            ))}
          </ul>
          {impact.truncated && <p className="muted small">{t("sla.impact.truncated")}</p>}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t("sla.impact.cancel")}
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy} autoFocus>
          {busy ? t("app.saving") : t("sla.impact.confirm")}
        </button>
      </div>
    </Modal>
  );
}
