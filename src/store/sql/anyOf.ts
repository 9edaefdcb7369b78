// List conditions for bulk queries: `column = any($1::type[])` takes one parameter for a
// whole list, where `inArray` takes one per value (hundreds for a batch, each built and sent apart).

import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { pgTextArray } from "./pgArray.js";

export type ArrayType = "bigint" | "uuid" | "text";

/** `column` is one of `values` (none: false). */
export function anyOf(column: AnyColumn, values: Iterable<string | number>, type: ArrayType): SQL {
  return sql`${column} = any(${arrayParam(values, type)})`;
}

/** `column` is none of `values` (none: true). */
export function noneOf(column: AnyColumn, values: Iterable<string | number>, type: ArrayType): SQL {
  return sql`${column} <> all(${arrayParam(values, type)})`;
}

function arrayParam(values: Iterable<string | number>, type: ArrayType): SQL {
  const list = [...values];
  const literal = type === "text" ? pgTextArray(list.map(String)) : `{${list.join(",")}}`;
  return sql`${literal}::${sql.raw(type)}[]`;
}
