// `npm run check:cycles`: fails, naming each cycle, when files under src/ import each other in a
// circle (dependencies must point one way: api, engine, cli → commands → store → core).

import { fileURLToPath } from "node:url";
import { findCycles, readImportGraph } from "./importCycles.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const graph = readImportGraph(fileURLToPath(new URL("../src", import.meta.url)), ROOT);
const cycles = findCycles(graph);
if (cycles.length === 0) {
  process.stdout.write(`check:cycles: no import cycle among ${graph.size} files under src/.\n`);
} else {
  process.stderr.write(`check:cycles: ${cycles.length} import cycle(s) under src/:\n${cycles.map((cycle) => `  ${cycle.join(" → ")}`).join("\n")}\n`);
  process.exitCode = 1;
}
