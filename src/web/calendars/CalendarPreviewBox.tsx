// When a ticket created now would be due on the calendar being edited: 1 h, 8 h and 3 working
// days (24 h) of business time, asked of the server (`POST /calendars/preview`), shown in the
// calendar's own time zone.

import { useState } from "react";
import * as sla from "../api/slaApi.js";
import type { CalendarPreview } from "../api/slaTypes.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { specOf, type CalendarDraft } from "./calendarDraft.js";

export const PREVIEW_MINUTES = [60, 480, 1440] as const;
const LABELS = ["calendars.preview.1h", "calendars.preview.8h", "calendars.preview.3d"] as const;

export function CalendarPreviewBox({ draft }: { draft: CalendarDraft }) {
  const { t, locale } = useI18n();
  const [preview, setPreview] = useState<{ result: CalendarPreview | null; error: unknown; busy: boolean }>({ result: null, error: null, busy: false });
  const run = async () => {
    setPreview({ result: null, error: null, busy: true });
    try {
      setPreview({ result: await sla.previewCalendar(specOf(draft), [...PREVIEW_MINUTES]), error: null, busy: false });
    } catch (error) {
      setPreview({ result: null, error, busy: false });
    }
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: draft.timezone,
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
  } catch {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short" });
  }
  const show = (iso: string) => (Number.isNaN(new Date(iso).getTime()) ? iso : format.format(new Date(iso)));
  return (
    <section className="panel calendar-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t("calendars.preview")}</h2>
      <p className="muted small">{t("calendars.previewHint")}</p>
      <button type="button" className="button" onClick={() => void run()} disabled={preview.busy}>
        {preview.busy ? t("app.loading") : t("calendars.previewButton")}
      </button>
      {preview.error !== null && <ErrorNotice error={preview.error} />}
      {preview.result && (
        <dl className="facts preview-results" aria-live="polite">
          {preview.result.start && (
            <>
              <dt>{t("calendars.preview.created")}</dt>
              <dd>{show(preview.result.start)}</dd>
            </>
          )}
          {PREVIEW_MINUTES.map((minutes, index) => {
            const item = preview.result?.items.find((entry) => entry.minutes === minutes) ?? preview.result?.items[index];
            return (
              <div key={minutes} className="preview-row" data-minutes={minutes}>
                <dt>{t(LABELS[index] ?? "calendars.preview.1h")}</dt>
                <dd>{item?.dueAt ? show(item.dueAt) : (item?.error ?? "—")}</dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}
