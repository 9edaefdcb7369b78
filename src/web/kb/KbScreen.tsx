// The knowledge base: its articles with their language versions and status; leads and managers
// write new ones and see the report.

import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { usePrincipal } from "../session/SessionProvider.js";
import * as kb from "./kbApi.js";
import "./kb.css";

/** Admins, managers and team leads write the knowledge base (kb.write) and read its report. */
export function useCanEditKb(): boolean {
  const principal = usePrincipal();
  return principal.kind === "agent" && ["admin", "manager", "team_lead"].includes(principal.role);
}

export function KbScreen() {
  const { t, tx, locale } = useI18n();
  const canEdit = useCanEditKb();
  const articles = useQuery({ queryKey: [...kb.KB_KEY, "articles"], queryFn: kb.listArticles });
  const categories = useQuery({ queryKey: [...kb.KB_KEY, "categories"], queryFn: kb.listCategories });
  const categoryName = (id: string | null) => {
    const category = categories.data?.find((c) => c.id === id);
    return category ? category.names[locale as kb.KbLanguage] || category.slug : t("kb.noCategory");
  };
  const items = articles.data ?? (articles.error ? [] : null);
  return (
    <section className="admin-screen kb-screen" aria-busy={items === null}>
      <div className="screen-head">
        <PageTitle title={t("kb.title")} />
        {canEdit && (
          <div className="kb-head-actions">
            <Link to="/kb/report" className="button">
              {t("kb.reportLink")}
            </Link>
            <Link to="/kb/new" className="button button-primary">
              {t("kb.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="muted">{t("kb.intro")}</p>
      {articles.error && <ErrorNotice error={articles.error} onRetry={() => void articles.refetch()} />}
      {items === null ? (
        <p className="muted">{t("app.loading")}</p>
      ) : items.length === 0 ? (
        !articles.error && <p className="empty">{t("kb.empty")}</p>
      ) : (
        <ul className="card-list">
          {items.map((article) => {
            const shown =
              article.translations.find((v) => v.language === locale) ??
              article.translations.find((v) => v.language === article.fallbackLanguage) ??
              article.translations[0];
            return (
              <li key={article.id} className="card-row kb-row" data-article={shown?.slug}>
                <Link to={`/kb/${article.id}`} className="card-title">
                  {shown?.title ?? article.id}
                </Link>
                <span className="muted small">{categoryName(article.categoryId)}</span>
                <span className="kb-versions">
                  {kb.KB_LANGUAGES.map((language) => {
                    const version = article.translations.find((v) => v.language === language);
                    const state = version ? version.status : "missing";
                    return (
                      <span key={language} className={`badge kb-badge kb-${state}`} title={tx(`kb.status.${state}`, state)}>
                        {language.toUpperCase()} · {tx(`kb.status.${state}`, state)}
                      </span>
                    );
                  })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
