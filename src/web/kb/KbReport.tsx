// The knowledge base's report for leads and managers: public searches that found nothing (most
// frequent first, per language), and the most-read articles, over the last days.

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import * as kb from "./kbApi.js";
import "./kb.css";

const PERIODS = [7, 30, 90] as const;

export function KbReport() {
  const { t, tx, formatNumber } = useI18n();
  const [days, setDays] = useState<number>(30);
  const report = useQuery({ queryKey: [...kb.KB_KEY, "report", days], queryFn: () => kb.kbReport(days) });
  return (
    <section className="admin-screen kb-report" aria-busy={!report.data && !report.error}>
      <p className="small">
        <Link to="/kb">← {t("kb.title")}</Link>
      </p>
      <PageTitle title={t("kb.report.title")} />
      <fieldset className="segmented">
        <legend className="visually-hidden">{t("kb.report.period")}</legend>
        {PERIODS.map((value) => (
          <label key={value} className={days === value ? "selected" : undefined}>
            <input type="radio" name="period" value={value} checked={days === value} onChange={() => setDays(value)} />
            {t("kb.report.days", { count: value })}
          </label>
        ))}
      </fieldset>
      {report.error && <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <div className="kb-report-grid">
          <section aria-labelledby="kb-unanswered">
            <h2 id="kb-unanswered">{t("kb.report.unanswered")}</h2>
            <p className="muted small">{t("kb.report.unansweredHint")}</p>
            {report.data.unanswered.length === 0 ? (
              <p className="empty">{t("kb.report.none")}</p>
            ) : (
              <table className="kb-table">
                <thead>
                  <tr>
                    <th scope="col">{t("kb.report.query")}</th>
                    <th scope="col">{t("kb.report.language")}</th>
                    <th scope="col">{t("kb.report.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.unanswered.map((row) => (
                    <tr key={`${row.language} ${row.query}`}>
                      <td>{row.query}</td>
                      <td>{tx(`kb.language.${row.language}`, row.language)}</td>
                      <td className="numeric">{formatNumber(row.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="kb-most-read">
            <h2 id="kb-most-read">{t("kb.report.mostRead")}</h2>
            {report.data.mostRead.length === 0 ? (
              <p className="empty">{t("kb.report.none")}</p>
            ) : (
              <table className="kb-table">
                <thead>
                  <tr>
                    <th scope="col">{t("kb.report.article")}</th>
                    <th scope="col">{t("kb.report.language")}</th>
                    <th scope="col">{t("kb.report.reads")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.mostRead.map((row) => (
                    <tr key={`${row.articleId} ${row.language}`}>
                      <td>
                        <Link to={`/kb/${row.articleId}`}>{row.title}</Link>
                      </td>
                      <td>{tx(`kb.language.${row.language}`, row.language)}</td>
                      <td className="numeric">{formatNumber(row.reads)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="kb-deflection">
            <h2 id="kb-deflection">{t("kb.report.deflection")}</h2>
            <p className="muted small">{t("kb.report.deflectionHint")}</p>
          </section>
        </div>
      )}
    </section>
  );
}
