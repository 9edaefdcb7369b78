// A ticket's custom fields: free-form JSON of the team's own, within bounds that keep every
// read, comparison and index of them cheap.

/** At most this many fields on one ticket. */
export const MAX_CUSTOM_FIELDS = 50;
/** A field's value nests at most this deep (an object in a list in an object…). */
export const MAX_CUSTOM_FIELD_DEPTH = 5;
/** All fields together, as JSON, take at most this many bytes. */
export const MAX_CUSTOM_FIELDS_BYTES = 16_384;

/** What is wrong with a set of custom fields, at which path (`customFields.invoice.lines[3]`). */
export interface CustomFieldsProblem {
  path: string;
  message: string;
}

/** The first problem of `fields` (given as decoded JSON), or undefined when they are within bounds. */
export function customFieldsProblem(fields: Record<string, unknown>, path = "customFields"): CustomFieldsProblem | undefined {
  const names = Object.keys(fields);
  if (names.length > MAX_CUSTOM_FIELDS) return { path, message: `has ${names.length} fields; at most ${MAX_CUSTOM_FIELDS}` };
  for (const name of names) {
    const deep = deeperThan(fields[name], `${path}.${name}`, MAX_CUSTOM_FIELD_DEPTH);
    if (deep !== undefined) return { path: deep, message: `nests deeper than ${MAX_CUSTOM_FIELD_DEPTH} levels` };
  }
  const bytes = new TextEncoder().encode(JSON.stringify(fields)).length;
  if (bytes > MAX_CUSTOM_FIELDS_BYTES) return { path, message: `takes ${bytes} bytes as JSON; at most ${MAX_CUSTOM_FIELDS_BYTES}` };
  return undefined;
}

/** The path of the first value nested more than `levels` deep in `value`, or undefined. */
function deeperThan(value: unknown, path: string, levels: number): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (levels === 0) return path;
  for (const [key, inner] of Object.entries(value)) {
    const found = deeperThan(inner, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, levels - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
