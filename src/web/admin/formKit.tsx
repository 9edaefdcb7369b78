// The pieces every admin form shares: labelled fields with their errors beside them, the
// notices of a save (saved, someone else changed it, errors), and the save itself, conditional
// on the version the form was loaded at.

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type ReactNode } from "react";
import { ApiError } from "../api/client.js";
import { ErrorNotice } from "../components/ErrorNotice.js";
import { FieldError, invalidProps, issuesAt, type FieldIssue } from "../components/FieldError.js";
import { useI18n } from "../i18n/I18nProvider.js";
import { queryKeys } from "../queries/keys.js";
import { createRecord, updateRecord } from "./adminApi.js";
import type { FieldsOf, RecordKind, RecordOf } from "./adminTypes.js";
import { localIssues, type IssueKind } from "./fieldIssues.js";

/** The admin screens' cache keys, under `admin` so that a save refreshes every list of its kind. */
export const adminKeys = {
  all: (kind: RecordKind) => ["admin", kind] as const,
  lists: (kind: RecordKind) => ["admin", kind, "list"] as const,
  list: (kind: RecordKind, query: Record<string, string>) => ["admin", kind, "list", query] as const,
  one: (kind: RecordKind, id: string) => ["admin", kind, "one", id] as const,
};

export type SaveNotice = { kind: "saved" } | { kind: "conflict" } | { kind: "error"; error: unknown; issues: FieldIssue[] } | null;

/**
 * Creates `kind` (no record yet) or updates it at the version the form read. A stale version is
 * a `conflict` notice; a validation error puts each message beside its field, in the reader's words.
 */
export function useSave<K extends RecordKind>(kind: K, record: RecordOf[K] | null, onSaved: (saved: RecordOf[K]) => void) {
  const { t, tx } = useI18n();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<SaveNotice>(null);
  const say = (issue: IssueKind, path: string) => tx(`admin.invalid.${kind}.${path}.${issue}`, t(`admin.invalid.${issue}`));

  const save = async (fields: FieldsOf<K>) => {
    setBusy(true);
    setNotice(null);
    try {
      const saved = record ? await updateRecord(kind, record.id, record.version, fields) : await createRecord(kind, fields);
      // The lists only: the record's own query would start this form again at the new version.
      void queryClient.invalidateQueries({ queryKey: adminKeys.lists(kind) });
      // The directory names agents and teams everywhere in the app.
      if (kind === "agents") void queryClient.invalidateQueries({ queryKey: queryKeys.agents });
      if (kind === "teams") void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
      if (kind === "customers") void queryClient.invalidateQueries({ queryKey: queryKeys.customer(saved.id) });
      setNotice({ kind: "saved" });
      onSaved(saved);
      return saved;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 412) && error.code !== "duplicate") setNotice({ kind: "conflict" });
      else setNotice({ kind: "error", error, issues: localIssues(error, say) });
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, notice, setNotice, save };
}

/**
 * An editor's state: the record as last saved (`current`), the form's draft and `change` (which
 * clears a "saved" notice), the save with its notice, and the issues to put beside the fields.
 */
export function useRecordDraft<K extends RecordKind, D extends object>(kind: K, record: RecordOf[K] | null, initial: () => D) {
  const [current, setCurrent] = useState(record);
  const [draft, setDraft] = useState(initial);
  const { busy, notice, setNotice, save } = useSave(kind, current, setCurrent);
  const change = (next: Partial<D>) => {
    setDraft((before) => ({ ...before, ...next }));
    if (notice?.kind === "saved") setNotice(null);
  };
  const issues = notice?.kind === "error" ? notice.issues : [];
  return { current, setCurrent, draft, change, busy, notice, setNotice, save, issues };
}

/** The notices above a form: what failed and where, or that someone else changed the record. */
export function SaveNotices({ notice, onReload, placed }: { notice: SaveNotice; onReload(): void; placed: readonly string[] }) {
  const { t } = useI18n();
  if (notice?.kind === "conflict")
    return (
      <div className="notice notice-warning" role="alert">
        <p>{t("admin.conflict")}</p>
        <button type="button" className="button" onClick={onReload}>
          {t("admin.reloadLatest")}
        </button>
      </div>
    );
  if (notice?.kind !== "error") return null;
  const unplaced = notice.issues.filter((issue) => !placed.some((path) => issue.path === path || issue.path.startsWith(`${path}[`)));
  return (
    <div className="notice notice-error" role="alert">
      {notice.issues.length > 0 ? <p>{t("admin.fixErrors")}</p> : <ErrorNotice error={notice.error} />}
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((issue) => (
            <li key={issue.path + issue.message}>
              {issue.path}: {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The "Saved." beside the save button, and the button itself. */
export function SaveBar({ busy, saved, label, children }: { busy: boolean; saved: boolean; label?: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t("app.saving") : (label ?? t("action.save"))}
      </button>
      {saved && (
        <span className="notice-inline success" role="status">
          {t("admin.saved")}
        </span>
      )}
      {children}
    </div>
  );
}

interface FieldProps {
  label: string;
  /** The API path of the field, to find its errors. */
  path: string;
  issues: readonly FieldIssue[];
  hint?: string;
  readOnly: boolean;
}

/** The attributes a field's control takes: its id, whether it is invalid, what describes it. */
interface ControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** A field's frame: its label, its control (drawn by `control`), its hint and its errors. */
function LabelledField({ label, path, issues, hint, control }: Omit<FieldProps, "readOnly"> & { control(props: ControlProps): ReactNode }) {
  const id = useId();
  const here = issuesAt(issues, path, true);
  const hintId = hint ? `${id}-hint` : undefined;
  const invalid = invalidProps(`${id}-error`, here);
  const describedBy = [invalid["aria-describedby"], hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field" data-field={path}>
      <label htmlFor={id}>{label}</label>
      {control({ ...invalid, id, "aria-describedby": describedBy })}
      {hint && (
        <p className="muted small" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} issues={here} />
    </div>
  );
}

/** A text input with its label, hint and errors. */
export function TextField({
  readOnly,
  value,
  onChange,
  type = "text",
  placeholder,
  list,
  ...frame
}: FieldProps & {
  value: string;
  onChange(value: string): void;
  type?: "text" | "email" | "tel" | "number" | "datetime-local";
  placeholder?: string;
  list?: string;
}) {
  return (
    <LabelledField
      {...frame}
      control={(props) => (
        <input {...props} type={type} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} placeholder={placeholder} list={list} />
      )}
    />
  );
}

/** A multi-line text field with its label, hint and errors. */
export function TextAreaField({ readOnly, value, onChange, rows = 3, ...frame }: FieldProps & { value: string; onChange(value: string): void; rows?: number }) {
  return (
    <LabelledField
      {...frame}
      control={(props) => <textarea {...props} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} readOnly={readOnly} />}
    />
  );
}

/** A select with its label and errors; `""` stands for none. */
export function SelectField({
  readOnly,
  value,
  onChange,
  options,
  ...frame
}: FieldProps & { value: string; onChange(value: string): void; options: readonly { value: string; label: string }[] }) {
  return (
    <LabelledField
      {...frame}
      control={(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)} disabled={readOnly}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** "a, b, c" as a list of words, blanks and repeats left out. */
export function wordsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((word) => word.trim())
        .filter(Boolean),
    ),
  ];
}

/** Trimmed text, or null when blank (an optional field cleared). */
export function textOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}
