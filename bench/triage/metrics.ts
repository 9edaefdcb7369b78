// Precision, recall and F1 of a detector against labels, and how often it fires.

/** Counts of one detector on one set of labelled messages. */
export interface Confusion {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

export function confusion(predicted: readonly boolean[], actual: readonly boolean[]): Confusion {
  const counts = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
  predicted.forEach((flag, i) => {
    const label = actual[i] as boolean;
    if (flag && label) counts.truePositive++;
    else if (flag) counts.falsePositive++;
    else if (label) counts.falseNegative++;
    else counts.trueNegative++;
  });
  return counts;
}

/** Precision, recall and F1, 0 where undefined (nothing flagged, nothing to find). */
export function scores(c: Confusion): { precision: number; recall: number; f1: number } {
  const flagged = c.truePositive + c.falsePositive;
  const positives = c.truePositive + c.falseNegative;
  const precision = flagged === 0 ? 0 : c.truePositive / flagged;
  const recall = positives === 0 ? 0 : c.truePositive / positives;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The share of `flags` that are true. */
export function rate(flags: readonly boolean[]): number {
  return flags.length === 0 ? 0 : flags.filter(Boolean).length / flags.length;
}
