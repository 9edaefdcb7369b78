// Request validation for the resource routes: TypeBox's compiler, strict for bodies (no type
// coercion: `{"subject": 5}` is a 400) and converting for query, params and headers, with
// errors reshaped as Ajv's so the error handler names every offending field.

import type { FastifyRequest, FastifySchemaCompiler, FastifySchemaValidationError } from "fastify";
import type { TSchema } from "typebox";
import { Compile } from "typebox/compile";
import { Value } from "typebox/value";
import { HttpError } from "../../errors.js";

interface TypeBoxIssue {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/**
 * Compiles a route's schemas with TypeBox; see the file header. Each is compiled on its route's
 * first request rather than when the app starts: a process serves a few of its hundreds of
 * routes, and starting (a server, or the app in each test file) should not pay for the rest.
 * `test/api/schemasCompile.test.ts` compiles every one, so a broken schema still fails a test.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  let check: ReturnType<typeof Compile> | undefined;
  return (input: unknown) => {
    check ??= Compile(schema);
    const value = httpPart === "body" ? input : Value.Convert(schema, input);
    if (check.Check(value)) return { value };
    return { error: ajvShaped(check.Errors(value) as TypeBoxIssue[], schema) };
  };
};

/** TypeBox's issues as Ajv's: one per unknown or missing property, one per failed `anyOf`. */
export function ajvShaped(issues: readonly TypeBoxIssue[], schema: TSchema): FastifySchemaValidationError[] {
  const anyOfPaths = new Set(issues.filter((i) => i.keyword === "anyOf").map((i) => `${i.schemaPath}/anyOf/`));
  const shaped: FastifySchemaValidationError[] = [];
  for (const issue of issues) {
    if (issue.keyword === "boolean" && issue.schemaPath.endsWith("/additionalProperties")) continue;
    if ([...anyOfPaths].some((prefix) => issue.schemaPath.startsWith(prefix))) continue;
    const base = { keyword: issue.keyword, instancePath: issue.instancePath, schemaPath: issue.schemaPath };
    if (issue.keyword === "additionalProperties" && Array.isArray(issue.params.additionalProperties)) {
      for (const name of issue.params.additionalProperties as string[])
        shaped.push({ ...base, params: { additionalProperty: name }, message: "must NOT have additional properties" });
    } else if (issue.keyword === "required" && Array.isArray(issue.params.requiredProperties)) {
      for (const name of issue.params.requiredProperties as string[])
        shaped.push({ ...base, params: { missingProperty: name }, message: `must have required property '${name}'` });
    } else if (issue.keyword === "enum" && Array.isArray(issue.params.allowedValues)) {
      shaped.push({ ...base, params: issue.params, message: `must be one of: ${(issue.params.allowedValues as unknown[]).map(String).join(", ")}` });
    } else if (issue.keyword === "anyOf") {
      shaped.push({ ...base, params: issue.params, message: describeAnyOf(schemaAt(schema, issue.schemaPath)) });
    } else {
      shaped.push({ ...base, params: issue.params, message: issue.message });
    }
  }
  return shaped;
}

// The subschema a `#/properties/x/…` path points at.
function schemaAt(schema: TSchema, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const part of pointer.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return typeof node === "object" && node !== null ? (node as Record<string, unknown>) : undefined;
}

function describeAnyOf(schema: Record<string, unknown> | undefined): string {
  const branches = Array.isArray(schema?.anyOf) ? (schema.anyOf as Record<string, unknown>[]) : [];
  const words = branches.map((b) => ("const" in b ? JSON.stringify(b.const) : b.format ? `a ${String(b.format)}` : `a ${String(b.type ?? "value")}`));
  return words.length > 0 ? `must be ${words.join(" or ")}` : "matches none of the allowed forms";
}

/** How deep any request body may nest: far beyond what any Palier resource needs. */
export const MAX_BODY_DEPTH = 32;

/**
 * preValidation hook: a body nested deeper than {@link MAX_BODY_DEPTH} is a 400 naming where,
 * before any deeper walk (validation, comparison, the database's own jsonb limits) meets it.
 */
export async function rejectDeepBodies(request: FastifyRequest): Promise<void> {
  const path = deepPath(request.body, "", MAX_BODY_DEPTH);
  if (path !== undefined) {
    const where = path || "body";
    throw new HttpError(400, "invalid_request", `${where}: nests deeper than ${MAX_BODY_DEPTH} levels`, [
      { path: where, code: "too_deep", message: `nests deeper than ${MAX_BODY_DEPTH} levels` },
    ]);
  }
}

function deepPath(value: unknown, path: string, levels: number): string | undefined {
  // Bytes (an uploaded file) nest nothing; walking them would visit every byte.
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return undefined;
  if (levels === 0) return path;
  for (const [key, inner] of Object.entries(value)) {
    const found = deepPath(inner, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, levels - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** preValidation hook: PostgreSQL text cannot hold U+0000, so a NUL anywhere in the input is a 400. */
export async function rejectNulCharacters(request: FastifyRequest): Promise<void> {
  for (const [where, value] of [
    ["body", request.body],
    ["querystring", request.query],
    ["params", request.params],
  ] as const) {
    const path = nulPath(value, where === "body" ? "" : where);
    if (path !== undefined)
      throw new HttpError(400, "invalid_request", `${path || "body"}: must not contain the NUL character (U+0000)`, [
        { path: path || "body", code: "nul_character", message: "must not contain the NUL character (U+0000)" },
      ]);
  }
}

function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  // Bytes (an uploaded file) are not text: a NUL byte is theirs to hold.
  if (typeof value !== "object" || value === null || depth > 64 || ArrayBuffer.isView(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes("\u0000")) return here;
    const found = nulPath(inner, here, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
