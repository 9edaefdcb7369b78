// An article's editor: its category and fallback language, then one tab per language with the
// version's title, address, Markdown and status, a preview as readers will see it, and its files.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { SelectField, TextAreaField, TextField } from "../admin/formKit.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { fieldIssues } from "../components/FieldError.js";
import { PageTitle } from "../components/PageTitle.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { KbAttachments } from "./KbAttachments.js";
import * as kb from "./kbApi.js";
import { useCanEditKb } from "./KbScreen.js";
import "./kb.css";

type Draft = kb.KbArticleInput;

/** A title as an address: lower-case ASCII words joined by hyphens. */
function slugOf(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
}

function draftOf(article: kb.KbArticle | null): Draft {
  if (!article) return { categoryId: null, fallbackLanguage: "fr", translations: [{ language: "fr", slug: "", title: "", body: "", status: "draft" }] };
  return {
    categoryId: article.categoryId,
    fallbackLanguage: article.fallbackLanguage,
    translations: article.translations.map(({ language, slug, title, body, status }) => ({ language, slug, title, body, status })),
  };
}

export function KbEditorRoute({ id }: { id: string | null }) {
  const { t } = useI18n();
  const article = useQuery({ queryKey: [...kb.KB_KEY, "article", id], queryFn: () => kb.getArticle(id!), enabled: id !== null });
  if (id !== null && !article.data) {
    return article.error ? <ErrorNotice error={article.error} onRetry={() => void article.refetch()} /> : <p className="muted">{t("app.loading")}</p>;
  }
  return <KbEditor key={id ?? "new"} article={article.data ?? null} />;
}

function KbEditor({ article }: { article: kb.KbArticle | null }) {
  const { t, tx, locale } = useI18n();
  const canEdit = useCanEditKb();
  const readOnly = !canEdit;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useQuery({ queryKey: [...kb.KB_KEY, "categories"], queryFn: kb.listCategories });
  const [draft, setDraft] = useState<Draft>(() => draftOf(article));
  const [tab, setTab] = useState<kb.KbLanguage>(draft.translations[0]?.language ?? "fr");
  const [preview, setPreview] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: Draft) => kb.saveArticle(article?.id ?? null, input),
    onSuccess: async (stored) => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: kb.KB_KEY });
      if (!article) void navigate(`/kb/${stored.id}`, { replace: true });
    },
  });
  const issues = fieldIssues(save.error);
  const index = draft.translations.findIndex((v) => v.language === tab);
  const version = index >= 0 ? draft.translations[index] : undefined;

  const change = (patch: Partial<Draft["translations"][number]>) => {
    setSaved(false);
    setPreview(null);
    setDraft((d) => ({
      ...d,
      translations: d.translations.map((v) => {
        if (v.language !== tab) return v;
        const next = { ...v, ...patch };
        // The address follows the title until someone writes one of their own.
        if (patch.title !== undefined && (v.slug === "" || v.slug === slugOf(v.title))) next.slug = slugOf(patch.title);
        return next;
      }),
    }));
  };
  const addVersion = (language: kb.KbLanguage) => {
    setDraft((d) => ({ ...d, translations: [...d.translations, { language, slug: "", title: "", body: "", status: "draft" }] }));
    setTab(language);
  };
  const removeVersion = () => {
    setDraft((d) => ({ ...d, translations: d.translations.filter((v) => v.language !== tab) }));
    setTab(draft.translations.find((v) => v.language !== tab)?.language ?? "fr");
  };
  const at = (field: string) => `translations[${index}].${field}`;
  const title = version?.title || draft.translations[0]?.title || t("kb.new");

  return (
    <section className="admin-screen kb-editor">
      <p className="small">
        <Link to="/kb">← {t("kb.title")}</Link>
      </p>
      <PageTitle title={article ? title : t("kb.new")} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate(draft);
        }}
      >
        <div className="kb-article-fields">
          <SelectField
            label={t("kb.field.category")}
            path="categoryId"
            issues={issues}
            readOnly={readOnly}
            value={draft.categoryId ?? ""}
            onChange={(value) => setDraft((d) => ({ ...d, categoryId: value === "" ? null : value }))}
            options={[
              { value: "", label: t("kb.noCategory") },
              ...(categories.data ?? []).map((c) => ({ value: c.id, label: c.names[locale as kb.KbLanguage] || c.slug })),
            ]}
          />
          <SelectField
            label={t("kb.field.fallback")}
            hint={t("kb.field.fallbackHint")}
            path="fallbackLanguage"
            issues={issues}
            readOnly={readOnly}
            value={draft.fallbackLanguage}
            onChange={(value) => setDraft((d) => ({ ...d, fallbackLanguage: value as kb.KbLanguage }))}
            options={draft.translations.map((v) => ({ value: v.language, label: tx(`kb.language.${v.language}`, v.language) }))}
          />
        </div>
        <div className="kb-tabs" role="tablist" aria-label={t("kb.versions")}>
          {kb.KB_LANGUAGES.map((language) => {
            const present = draft.translations.some((v) => v.language === language);
            return present ? (
              <button
                key={language}
                type="button"
                role="tab"
                aria-selected={tab === language}
                className={`kb-tab${tab === language ? " selected" : ""}`}
                onClick={() => setTab(language)}
              >
                {tx(`kb.language.${language}`, language)}
              </button>
            ) : canEdit ? (
              <button key={language} type="button" className="kb-tab kb-tab-add" onClick={() => addVersion(language)}>
                + {tx(`kb.language.${language}`, language)}
              </button>
            ) : null;
          })}
        </div>
        {version && (
          <div role="tabpanel" className="kb-version" data-language={version.language}>
            <TextField
              label={t("kb.field.title")}
              path={at("title")}
              issues={issues}
              readOnly={readOnly}
              value={version.title}
              onChange={(title) => change({ title })}
            />
            <TextField
              label={t("kb.field.slug")}
              hint={t("kb.field.slugHint")}
              path={at("slug")}
              issues={issues}
              readOnly={readOnly}
              value={version.slug}
              onChange={(slug) => change({ slug })}
            />
            <div className="kb-body">
              <TextAreaField
                label={t("kb.field.body")}
                hint={t("kb.field.bodyHint")}
                path={at("body")}
                issues={issues}
                readOnly={readOnly}
                rows={14}
                value={version.body}
                onChange={(body) => change({ body })}
              />
              <div className="kb-preview">
                <div className="kb-preview-head">
                  <span className="label">{t("kb.preview")}</span>
                  <button type="button" className="button button-quiet" onClick={() => void kb.previewMarkdown(version.body).then(setPreview)}>
                    {t("kb.showPreview")}
                  </button>
                </div>
                {preview !== null ? (
                  // The server renders and sanitizes the Markdown (the same as readers get).
                  <div className="kb-article-html" dangerouslySetInnerHTML={{ __html: preview }} />
                ) : (
                  <p className="muted small">{t("kb.previewHint")}</p>
                )}
              </div>
            </div>
            <SelectField
              label={t("kb.field.status")}
              path={at("status")}
              issues={issues}
              readOnly={readOnly}
              value={version.status}
              onChange={(status) => change({ status: status as "draft" | "published" })}
              options={[
                { value: "draft", label: t("kb.status.draft") },
                { value: "published", label: t("kb.status.published") },
              ]}
            />
            <KbAttachments articleId={article?.id ?? null} version={article?.translations.find((v) => v.language === tab)} canEdit={canEdit} />
            {canEdit && draft.translations.length > 1 && (
              <button type="button" className="button button-quiet" onClick={removeVersion}>
                {t("kb.removeVersion")}
              </button>
            )}
          </div>
        )}
        {save.error !== null && save.error !== undefined && <ErrorNotice error={save.error} />}
        {canEdit && (
          <div className="kb-save">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {save.isPending ? t("app.saving") : t("kb.save")}
            </button>
            <span role="status" className="muted small">
              {saved ? t("kb.saved") : ""}
            </span>
          </div>
        )}
      </form>
    </section>
  );
}
