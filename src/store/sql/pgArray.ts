// PostgreSQL array literals: a whole list as one parameter (`$1::text[]`), which bulk statements
// (`unnest`, `= any(…)`) take whatever the number of rows.

/** A PostgreSQL array literal of text (NULL for null), quoting every element. */
export function pgTextArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

/** A PostgreSQL array literal of integers (ids, ticket numbers), which need no quoting. */
export function pgIntArray(values: Iterable<number>): string {
  return `{${[...values].join(",")}}`;
}
