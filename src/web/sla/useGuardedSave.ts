// The save of the SLA editors (policies and calendars): an existing item is first tried as a dry
// run whose impact on open tickets waits for the person's confirm; a new one saves at once. The
// outcome is one notice: saved (with its recompute job), a version conflict, or an error.

import { useState } from "react";
import { ApiError } from "../api/client.js";
import type { DryRun, Impact, Saved } from "../api/slaTypes.js";

export type SaveNotice = { kind: "saved"; jobId: string | null } | { kind: "conflict" } | { kind: "error"; error: unknown } | null;

export interface GuardedSaveOptions<T> {
  /** The dry run of the edit; null for a new item (nothing open runs on it yet). */
  dryRun: (() => Promise<DryRun<T>>) | null;
  save(): Promise<Saved<T>>;
  onSaved(saved: Saved<T>): void;
  /** The notice to start with (a save that moved to the new item's address, with its job). */
  initial?: SaveNotice;
}

export interface GuardedSave {
  busy: boolean;
  notice: SaveNotice;
  setNotice(notice: SaveNotice): void;
  /** The impact waiting for a confirm, if any. */
  impact: Impact | null;
  submit(): Promise<void>;
  confirm(): Promise<void>;
  cancel(): void;
}

const noticeOf = (error: unknown): SaveNotice =>
  error instanceof ApiError && error.status === 409 && error.code === "version_conflict" ? { kind: "conflict" } : { kind: "error", error };

export function useGuardedSave<T>(options: GuardedSaveOptions<T>): GuardedSave {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<SaveNotice>(options.initial ?? null);
  const [impact, setImpact] = useState<Impact | null>(null);

  const saved = (result: Saved<T>) => {
    options.onSaved(result);
    setNotice({ kind: "saved", jobId: result.jobId });
  };

  const submit = async () => {
    setBusy(true);
    setNotice(null);
    try {
      if (options.dryRun) {
        const tried = await options.dryRun();
        // A server without dry runs saved it already.
        if (tried.kind === "saved") saved(tried.saved);
        else setImpact(tried.impact);
      } else {
        saved(await options.save());
      }
    } catch (error) {
      setNotice(noticeOf(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setBusy(true);
    try {
      saved(await options.save());
    } catch (error) {
      setNotice(noticeOf(error));
    } finally {
      setImpact(null);
      setBusy(false);
    }
  };

  return { busy, notice, setNotice, impact, submit, confirm, cancel: () => setImpact(null) };
}
