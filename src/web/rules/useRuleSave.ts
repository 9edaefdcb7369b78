// Saving a rule: an enabled rule that listens to events is first tried on the latest tickets;
// when the trial shows it acting on many, the save waits for the person's confirm. The outcome
// is one notice: saved, a version conflict, or an error (its field problems beside the fields).

import { useState } from "react";
import type { RuleDefinition } from "../../core/rules/rule.js";
import { ApiError } from "../api/client.js";
import * as api from "../api/rules.js";
import type { Rule, RuleDryRun } from "../api/rules.js";
import { matchesMany } from "./dryRunText.js";

export type RuleNotice = { kind: "saved" } | { kind: "conflict" } | { kind: "error"; error: unknown; from: "save" | "dryRun" } | null;

interface Options {
  definition(): RuleDefinition;
  save(definition: RuleDefinition): Promise<Rule>;
  onSaved(rule: Rule): void;
  limit: number;
  /** The notice to start with (a new rule's save that moved to its address). */
  initial?: RuleNotice;
}

const noticeOf = (error: unknown, from: "save" | "dryRun"): RuleNotice =>
  error instanceof ApiError && error.status === 409 && error.code === "version_conflict" ? { kind: "conflict" } : { kind: "error", error, from };

/** Whether a save is worth a trial first: an enabled rule with a trigger other than time. */
export const triesFirst = (definition: RuleDefinition) => definition.enabled && definition.triggers.some((trigger) => trigger !== "time");

export function useRuleSave({ definition, save, onSaved, limit, initial = null }: Options) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<RuleNotice>(initial);
  const [dryRun, setDryRun] = useState<{ result: RuleDryRun; tried: string } | null>(null);
  const [confirming, setConfirming] = useState<RuleDryRun | null>(null);

  const write = async (draft: RuleDefinition) => {
    const saved = await save(draft);
    onSaved(saved);
    setNotice({ kind: "saved" });
  };

  /** Tries the draft on the latest tickets; the result stays in view. */
  const tryIt = async (): Promise<RuleDryRun | null> => {
    const draft = definition();
    setBusy(true);
    setNotice(null);
    try {
      const result = await api.dryRunRule(draft, limit);
      setDryRun({ result, tried: JSON.stringify(draft) });
      return result;
    } catch (error) {
      setNotice(noticeOf(error, "dryRun"));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const draft = definition();
    if (triesFirst(draft)) {
      const result = await tryIt();
      if (result === null) return;
      if (matchesMany(result)) {
        setConfirming(result);
        return;
      }
    }
    setBusy(true);
    setNotice(null);
    try {
      await write(draft);
    } catch (error) {
      setNotice(noticeOf(error, "save"));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    setBusy(true);
    try {
      await write(definition());
    } catch (error) {
      setNotice(noticeOf(error, "save"));
    } finally {
      setConfirming(null);
      setBusy(false);
    }
  };

  return {
    busy,
    notice,
    setNotice,
    dryRun: dryRun?.result ?? null,
    /** Whether the trial in view was of another draft. */
    dryRunStale: (current: RuleDefinition) => dryRun !== null && dryRun.tried !== JSON.stringify(current),
    tryIt,
    submit,
    confirming,
    confirm,
    cancel: () => setConfirming(null),
  };
}
