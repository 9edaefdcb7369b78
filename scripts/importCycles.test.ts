// The import graph reader and its cycle finder: on a small tree written for the test, and on
// graphs given by hand (a knot of three, a self-import, a chain with no cycle).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findCycles, type ImportGraph, readImportGraph } from "./importCycles.js";

const scratch = mkdtempSync(join(tmpdir(), "palier-cycles-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(scratch, path, ".."), { recursive: true });
  writeFileSync(join(scratch, path), text);
}

describe("readImportGraph", () => {
  it("follows relative imports, re-exports and dynamic imports, and skips packages, comments and tests", () => {
    write("src/core/a.ts", 'import { b } from "./b.js";\nimport type { C } from "../store/c.js";\nimport pg from "pg";\n// import { d } from "./d.js";\n');
    write("src/core/b.ts", 'export { a } from "./a.js";\nconst later = () => import("./d.js");\n');
    write("src/core/d.ts", "export const d = 1;\n");
    write("src/store/c.ts", 'import "../core/d.js";\n');
    write("src/web/App.tsx", 'import { b } from "../core/b.js";\n');
    write("src/core/a.test.ts", 'import { a } from "./a.js";\n');
    const graph = readImportGraph(join(scratch, "src"), scratch);
    expect(Object.fromEntries(graph)).toEqual({
      "src/core/a.ts": ["src/core/b.ts", "src/store/c.ts"],
      "src/core/b.ts": ["src/core/a.ts", "src/core/d.ts"],
      "src/core/d.ts": [],
      "src/store/c.ts": ["src/core/d.ts"],
      "src/web/App.tsx": ["src/core/b.ts"],
    });
    expect(findCycles(graph)).toEqual([["src/core/a.ts", "src/core/b.ts", "src/core/a.ts"]]);
  });
});

describe("findCycles", () => {
  const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it("names a knot of three once, as a path back to its first file", () => {
    const graph = graphOf({ tickets: ["ticketClocks"], ticketClocks: ["clockHistory"], clockHistory: ["tickets", "core"], core: [] });
    expect(findCycles(graph)).toEqual([["clockHistory", "tickets", "ticketClocks", "clockHistory"]]);
  });

  it("finds a file that imports itself, and each separate knot", () => {
    const graph = graphOf({ a: ["a"], b: ["c"], c: ["b"], d: ["b"] });
    expect(findCycles(graph)).toEqual([
      ["a", "a"],
      ["b", "c", "b"],
    ]);
  });

  it("finds nothing in a graph whose imports all point one way", () => {
    const graph = graphOf({ api: ["commands", "core"], commands: ["store"], store: ["core"], core: [] });
    expect(findCycles(graph)).toEqual([]);
  });
});
