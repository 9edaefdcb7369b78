// The self-service figures for those who run the team: over a period, the questions the help
// centre answered against the requests still written, and which articles answer.

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { selfCareStats } from "../api/selfcare.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function SelfCareScreen() {
  const { t, formatNumber, locale } = useI18n();
  const [from, setFrom] = useState(() => day(Date.now() - 30 * DAY));
  const [to, setTo] = useState(() => day(Date.now()));
  // Whole days: `to` counts up to its end.
  const range = { from: `${from}T00:00:00Z`, to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString() };
  const { data, error } = useQuery({
    queryKey: ["selfcare", "stats", range.from, range.to],
    queryFn: () => selfCareStats(range.from, range.to),
    enabled: from <= to,
  });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  return (
    <section className="selfcare-screen">
      <PageTitle title={t("selfcare.stats.title")} />
      <p className="muted">{t("selfcare.stats.intro")}</p>
      <p>
        <a href={`/demo/widget?lang=${locale}`}>{t("selfcare.stats.demo")}</a>
      </p>
      <div className="form-row">
        <label>
          {t("selfcare.stats.from")} <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>{" "}
        <label>
          {t("selfcare.stats.to")} <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {data && (
        <>
          <dl className="facts selfcare-figures">
            <dt>{t("selfcare.stats.ratio")}</dt>
            <dd data-testid="selfcare-ratio">{data.ratio === null ? t("selfcare.stats.noRatio") : percent.format(data.ratio)}</dd>
            <dt>{t("selfcare.stats.deflected")}</dt>
            <dd>{formatNumber(data.deflected)}</dd>
            <dt>{t("selfcare.stats.requests")}</dt>
            <dd>{formatNumber(data.requests)}</dd>
          </dl>
          <h2>{t("selfcare.stats.articles")}</h2>
          {data.articles.length === 0 ? (
            <p className="muted">{t("selfcare.stats.noArticles")}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("selfcare.stats.article")}</th>
                  <th scope="col">{t("selfcare.stats.helpful")}</th>
                  <th scope="col">{t("selfcare.stats.notHelpful")}</th>
                </tr>
              </thead>
              <tbody>
                {data.articles.map((article) => (
                  <tr key={article.slug}>
                    <td>{article.title || article.slug}</td>
                    <td>{formatNumber(article.helpful)}</td>
                    <td>{formatNumber(article.notHelpful)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
