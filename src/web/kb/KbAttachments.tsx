// A language version's attached files in the editor: listed with their size, downloaded, removed,
// and a new one attached (checked against the size limit before it is sent). Only a saved
// version has files: a new one says to save first.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { useI18n } from "../i18n/I18nProvider.js";
import * as kb from "./kbApi.js";

export function KbAttachments({ articleId, version, canEdit }: { articleId: string | null; version: kb.KbVersion | undefined; canEdit: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: kb.KB_KEY });
  const attach = useMutation({
    mutationFn: (file: File) => kb.attachFile(articleId!, version!.language, file),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => kb.removeAttachment(articleId!, id), onSuccess: refresh });
  const files = version?.attachments ?? [];
  return (
    <fieldset className="kb-attachments">
      <legend className="label">{t("kb.attachments")}</legend>
      {articleId === null || version?.id === undefined ? (
        <p className="muted small">{t("kb.attachmentsAfterSave")}</p>
      ) : (
        <>
          <p className="muted small">{t("kb.attachmentsHint")}</p>
          {files.length === 0 ? (
            <p className="muted small">{t("kb.noAttachment")}</p>
          ) : (
            <ul className="kb-attachment-list">
              {files.map((file) => (
                <li key={file.id}>
                  <a href={file.url} download={file.name} aria-label={t("kb.download", { name: file.name })}>
                    {file.name}
                  </a>{" "}
                  <span className="muted small">{t("kb.fileSize", { kilobytes: Math.max(0.1, Math.round(file.size / 102.4) / 10) })}</span>
                  {canEdit && (
                    <button type="button" className="button button-quiet" disabled={remove.isPending} onClick={() => remove.mutate(file.id)}>
                      {t("kb.removeAttachment", { name: file.name })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {canEdit && (
            <label className="button kb-attach">
              {attach.isPending ? t("kb.attaching") : t("kb.attach")}
              <input
                type="file"
                className="visually-hidden"
                disabled={attach.isPending}
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = "";
                  if (!file) return;
                  setRefused(null);
                  if (file.size > kb.KB_ATTACHMENT_MAX_BYTES) setRefused(t("kb.tooLarge", { name: file.name }));
                  else attach.mutate(file);
                }}
              />
            </label>
          )}
          {refused !== null && (
            <p role="alert" className="field-error">
              {refused}
            </p>
          )}
          {attach.error !== null && attach.error !== undefined && <ErrorNotice error={attach.error} />}
          {remove.error !== null && remove.error !== undefined && <ErrorNotice error={remove.error} />}
        </>
      )}
    </fieldset>
  );
}
