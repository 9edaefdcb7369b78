// What the customer tried in self-care before writing: their searches, the articles they read
// and whether one answered, in the reader's language and time zone. Shown only when there is one.

import { useQuery } from "@tanstack/react-query";
import { ticketJourney, type JourneyStep } from "../api/selfcare.js";
import { useI18n } from "../i18n/I18nProvider.js";

export function JourneyPanel({ number }: { number: number }) {
  const { t, formatDateTime } = useI18n();
  const { data } = useQuery({ queryKey: ["tickets", number, "journey"], queryFn: () => ticketJourney(number) });
  if (!data || data.steps.length === 0) return null;
  const { summary } = data;
  const line = (step: JourneyStep): string => {
    switch (step.kind) {
      case "search":
        return t("selfcare.journey.search", { query: step.query ?? "", results: step.results ?? 0 });
      case "article":
        return t("selfcare.journey.article", { title: step.title ?? "" });
      case "answered":
        return t(step.helpful ? "selfcare.journey.answeredYes" : "selfcare.journey.answeredNo", { title: step.title ?? "" });
      default:
        return t("selfcare.journey.request");
    }
  };
  return (
    <section className="panel journey-panel" aria-labelledby="journey-title">
      <h2 id="journey-title">{t("selfcare.journey.title")}</h2>
      <p>{t("selfcare.journey.summary", { searches: summary.searches, articles: summary.articles })}</p>
      <p className={summary.helped === false ? "notice notice-warning" : "muted"}>
        {t("selfcare.journey.helped", { helped: summary.helped === null ? "unknown" : summary.helped ? "yes" : "no" })}
      </p>
      <ol className="journey-steps">
        {data.steps.map((step, index) => (
          <li key={index} data-kind={step.kind}>
            <time dateTime={step.at} className="muted small">
              {formatDateTime(step.at)}
            </time>{" "}
            {line(step)}
          </li>
        ))}
      </ol>
    </section>
  );
}
