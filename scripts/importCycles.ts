// The import graph of src/ and its cycles: every relative `import … from` / `export … from` /
// `import("…")` of a non-test source file (type-only imports count: they tie the files' designs).

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Files, each with the files it imports, as paths relative to the scanned root's parent. */
export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;
// `from "x"` ends every static import and re-export; `import("x")` and `import "x"` cover the rest.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;

/** Reads the import graph of every non-test .ts/.tsx file under `dir`, named relative to `base`. */
export function readImportGraph(dir: string, base: string): ImportGraph {
  const graph: ImportGraph = new Map();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !TEST.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  const known = new Set(files);
  for (const file of files) {
    const targets = new Set<string>();
    const text = withoutComments(readFileSync(file, "utf8"));
    for (const match of text.matchAll(SPECIFIER)) {
      const target = resolveSpecifier(file, match[1]!, known);
      if (target) targets.add(relative(base, target));
    }
    graph.set(relative(base, file), [...targets].sort());
  }
  return graph;
}

// A commented-out import is no import.
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** The file a relative specifier names (`./a.js` is `./a.ts` or `./a.tsx`), or undefined for a package. */
function resolveSpecifier(from: string, specifier: string, known: Set<string>): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const bare = resolve(dirname(from), specifier).replace(/\.(js|jsx|ts|tsx)$/, "");
  for (const candidate of [`${bare}.ts`, `${bare}.tsx`, join(bare, "index.ts"), join(bare, "index.tsx")]) if (known.has(candidate)) return candidate;
  return undefined;
}

/**
 * The cycles of a graph: one per strongly connected component of two or more files (or a file
 * importing itself), each given as a path that starts and ends on the same file.
 */
export function findCycles(graph: ImportGraph): string[][] {
  return stronglyConnected(graph)
    .filter((component) => component.length > 1 || (graph.get(component[0]!) ?? []).includes(component[0]!))
    .map((component) => cycleThrough(graph, new Set(component)))
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

// Tarjan's algorithm, iterative so that a deep graph cannot overflow the stack.
function stronglyConnected(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

// The shortest way back to the component's first file, by breadth-first search inside it.
function cycleThrough(graph: ImportGraph, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of graph.get(node) ?? []) {
      if (!component.has(to)) continue;
      if (to === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
