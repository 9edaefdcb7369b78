// Invalid request bodies derived from a route's JSON schema, for property-based tests: a valid
// base body, and mutations that each break it one way (a wrong type, a missing required field,
// an unknown field, a value outside an enum, a broken constraint, an array for an object).

import fc from "fast-check";

/** The parts of JSON Schema the API's bodies use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A path into a body: property names and array indexes. */
export type Path = (string | number)[];

/** One way to break a body, described for the failure message. */
export interface Mutation {
  kind: string;
  path: Path;
  /** The body to send: a JSON value, or raw text (non-JSON). */
  body: Json | { raw: string; contentType: string };
}

const FORMATS: Record<string, string> = {
  uuid: "00000000-0000-4000-8000-000000000001",
  email: "someone@example.org",
  hostname: "example.org",
  "date-time": "2026-11-23T09:00:00.000Z",
};
const STRING_CANDIDATES = ["x", "ab", "abc", "Xy1", "#a0a0a0", "fr", "abc@example.org", "a b c", "visitor0123456789"];

const typesOf = (schema: JsonSchema): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);

function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum;
  if (schema.anyOf?.every((s) => "const" in s || s.type === "null")) return schema.anyOf.map((s) => ("const" in s ? s.const : null));
  return undefined;
}

/** A small valid value for `schema` (a best effort; tests check it against the schema). */
export function validValue(schema: JsonSchema): Json {
  const values = enumOf(schema);
  if (values) return values[0] as Json;
  if (schema.anyOf?.[0]) return validValue(schema.anyOf[0]);
  const type = typesOf(schema).find((t) => t !== "null") ?? (schema.properties ? "object" : undefined);
  switch (type) {
    case "object": {
      const body: Record<string, Json> = {};
      for (const name of schema.required ?? []) body[name] = validValue(schema.properties?.[name] ?? {});
      return body;
    }
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => validValue(schema.items ?? {}));
    case "string": {
      if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format] as string;
      const fits = (s: string) =>
        s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity) && (!schema.pattern || new RegExp(schema.pattern, "u").test(s));
      return STRING_CANDIDATES.find(fits) ?? "x".repeat(Math.max(schema.minLength ?? 1, 1));
    }
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, Math.min(1, schema.maximum ?? 1));
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return "x";
  }
}

/** Every (path, schema) of the body's fields, nested objects and array items included (one item). */
export function fieldsOf(schema: JsonSchema, path: Path = []): { path: Path; schema: JsonSchema; parent?: JsonSchema }[] {
  const found: { path: Path; schema: JsonSchema; parent?: JsonSchema }[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    found.push({ path: [...path, name], schema: field, parent: schema });
    if (field.properties) found.push(...fieldsOf(field, [...path, name]));
    if (field.items) {
      found.push({ path: [...path, name, 0], schema: field.items });
      if (field.items.properties) found.push(...fieldsOf(field.items, [...path, name, 0]));
    }
  }
  return found;
}

/** `body` with the value at `path` set (creating the way there with valid values), or removed. */
export function withValue(body: Json, path: Path, schema: JsonSchema, value: Json | undefined): Json {
  const copy = structuredClone(body) as Json;
  let node = copy as Record<string | number, Json>;
  let nodeSchema = schema;
  for (const [i, step] of path.entries()) {
    const last = i === path.length - 1;
    const stepSchema = typeof step === "number" ? (nodeSchema.items ?? {}) : (nodeSchema.properties?.[step] ?? {});
    if (last) {
      if (value === undefined) delete node[step];
      else node[step] = value;
    } else {
      if (node[step] === undefined || node[step] === null || typeof node[step] !== "object") {
        node[step] = typesOf(stepSchema).includes("array") ? [validValue(stepSchema.items ?? {})] : (validValue({ ...stepSchema, type: "object" }) as Json);
      }
      if (Array.isArray(node[step]) && (node[step] as Json[]).length === 0) (node[step] as Json[]).push(validValue(stepSchema.items ?? {}));
      node = node[step] as Record<string | number, Json>;
      nodeSchema = stepSchema;
    }
  }
  return copy;
}

const WRONG_VALUES: { type: string; value: Json }[] = [
  { type: "integer", value: 42 },
  { type: "number", value: 4.5 },
  { type: "boolean", value: true },
  { type: "boolean", value: false },
  { type: "string", value: "42" },
  { type: "string", value: "" },
  { type: "null", value: null },
  { type: "array", value: [] },
  { type: "array", value: ["x"] },
  { type: "object", value: {} },
  { type: "object", value: { a: 1 } },
];

function allows(schema: JsonSchema, type: string): boolean {
  const types = typesOf(schema);
  if (schema.anyOf) return schema.anyOf.some((s) => allows(s, type));
  if (types.length === 0) return enumOf(schema) === undefined; // untyped: anything goes
  return types.includes(type) || (type === "integer" && types.includes("number"));
}

/** Values of the wrong JSON type for `schema`. */
export function wrongValues(schema: JsonSchema): Json[] {
  return WRONG_VALUES.filter((w) => !allows(schema, w.type)).map((w) => w.value);
}

/** Values of the right type that break a constraint (enum, format, pattern, length, range). */
export function outOfBounds(schema: JsonSchema): fc.Arbitrary<Json>[] {
  const arbitraries: fc.Arbitrary<Json>[] = [];
  const values = enumOf(schema);
  if (values) arbitraries.push(fc.string({ maxLength: 12 }).filter((s) => !values.includes(s)));
  if (schema.format === "uuid")
    arbitraries.push(
      fc.constantFrom(
        "not-a-uuid",
        "00000000-0000-4000-8000-00000000000g",
        "urn:uuid:00000000-0000-4000-8000-000000000000",
        "{00000000-0000-4000-8000-000000000000}",
      ),
    );
  if (schema.format === "email") arbitraries.push(fc.constantFrom("no-at-sign", "two@@example.org", "@example.org"));
  if (schema.maxLength !== undefined) arbitraries.push(fc.constant("y".repeat(schema.maxLength + 1)));
  if (schema.minLength !== undefined && schema.minLength > 0) arbitraries.push(fc.constant(""));
  if (schema.pattern) arbitraries.push(fc.constantFrom(" ", "\t", "!!", "#12", "-x"));
  if (schema.maximum !== undefined) arbitraries.push(fc.integer({ min: schema.maximum + 1, max: Number.MAX_SAFE_INTEGER }));
  if (schema.minimum !== undefined) arbitraries.push(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: schema.minimum - 1 }));
  if (typesOf(schema).includes("integer")) arbitraries.push(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)));
  return arbitraries;
}

/** Every mutation of `base` that `schema` allows us to derive, as one arbitrary. */
export function mutations(schema: JsonSchema, base: Json): fc.Arbitrary<Mutation> {
  const fields = fieldsOf(schema);
  const options: fc.Arbitrary<Mutation>[] = [];
  const wrong = fields.flatMap(({ path, schema: field }) => wrongValues(field).map((value) => ({ path, value })));
  if (wrong.length > 0)
    options.push(fc.constantFrom(...wrong).map(({ path, value }) => ({ kind: "wrong type", path, body: withValue(base, path, schema, value) })));
  const bounded = fields.flatMap(({ path, schema: field }) =>
    outOfBounds(field).map((arb) => arb.map((value) => ({ kind: "out of bounds", path, body: withValue(base, path, schema, value) }))),
  );
  if (bounded.length > 0) options.push(fc.oneof(...bounded));
  const required = [{ path: [] as Path, schema }, ...fields.filter((f) => f.schema.properties)].flatMap(({ path, schema: s }) =>
    (s.required ?? []).map((name) => [...path, name]),
  );
  if (required.length > 0)
    options.push(fc.constantFrom(...required).map((path) => ({ kind: "missing required", path, body: withValue(base, path, schema, undefined) })));
  const closed = [{ path: [] as Path, schema }, ...fields.filter((f) => f.schema.properties && f.schema.additionalProperties === false)];
  options.push(
    fc
      .tuple(
        fc.constantFrom(...closed),
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => k !== "__proto__"),
        fc.jsonValue() as fc.Arbitrary<Json>,
      )
      .map(([{ path, schema: s }, name, value]) => {
        const key = s.properties?.[name] ? `${name}_unknown` : name;
        return { kind: "unknown field", path: [...path, key], body: withValue(base, [...path, key], schema, value) };
      }),
  );
  options.push(fc.constantFrom<Json>([base], [], "a string", 42, null, true).map((body) => ({ kind: "not an object", path: [], body })));
  options.push(
    fc
      .string({ maxLength: 40 })
      .filter(notJson)
      .map((raw) => ({ kind: "not JSON", path: [], body: { raw, contentType: "application/json" } })),
  );
  options.push(
    fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x").map((contentType) => ({
      kind: "wrong content type",
      path: [],
      body: { raw: JSON.stringify(base), contentType },
    })),
  );
  return fc.oneof(...options);
}

function notJson(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}
