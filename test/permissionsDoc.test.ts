// Keeps docs/permissions.md true: its matrix table must grant exactly what MATRIX in
// src/core/access/permissions.ts grants, role by role and permission by permission.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MATRIX, PERMISSIONS, ROLES } from "../src/core/access/permissions.js";

const HOLDERS = [...ROLES, "customer"] as const;

/** The markdown table whose header starts with `| permission |`, as rows of cells. */
function matrixTable(markdown: string): { header: string[]; rows: string[][] } {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => /^\|\s*permission\s*\|/.test(line));
  if (start < 0) throw new Error("docs/permissions.md: no table with a `| permission |` header");
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((cell) => cell.trim());
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith("|")) break;
    rows.push(cells(line));
  }
  return { header: cells(lines[start] as string), rows };
}

describe("docs/permissions.md", () => {
  const { header, rows } = matrixTable(readFileSync(new URL("../docs/permissions.md", import.meta.url), "utf8"));

  it("has a column for every role and for customers", () => {
    for (const holder of HOLDERS) expect(header, `column ${holder}`).toContain(holder);
  });

  it("has one row per permission, in the matrix's order", () => {
    expect(rows.map((row) => row[0]?.replace(/`/g, ""))).toEqual([...PERMISSIONS]);
  });

  it("grants exactly what MATRIX grants", () => {
    const documented: Record<string, string[]> = {};
    for (const row of rows) {
      const permission = (row[0] as string).replace(/`/g, "");
      documented[permission] = HOLDERS.filter((holder) => {
        const cell = row[header.indexOf(holder)];
        if (cell !== "✓" && cell !== "—") throw new Error(`docs/permissions.md: ${permission} × ${holder} is "${cell}", not ✓ or —`);
        return cell === "✓";
      });
    }
    const actual = Object.fromEntries(PERMISSIONS.map((permission) => [permission, HOLDERS.filter((holder) => MATRIX[permission].includes(holder))]));
    expect(documented).toEqual(actual);
  });
});
