// The layer rules of eslint.config.js: each folder of src/ may import only the layers inward of
// it, whatever its depth, and nothing outside src/web imports the web app.

import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The messages of no-restricted-imports for a file at `path` that imports `specifier`. */
async function restricted(path: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as target from "${specifier}";\nexport const used = target;\n`, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => `${m.severity === 2 ? "error" : "warning"}: ${m.message}`);
}

describe("layers enforced by lint", () => {
  it("keeps src/core from importing the store, the config or anything else of ours outside core", async () => {
    expect(await restricted("src/core/sla/probe.ts", "../../store/tickets.js")).toEqual([expect.stringMatching(/^error: .*src\/core is pure/)]);
    expect(await restricted("src/core/probe.ts", "../config.js")).toHaveLength(1);
    expect(await restricted("src/core/sla/probe.ts", "../time/civilDate.js")).toEqual([]);
  });

  it("lets src/store import core and store only, at every depth", async () => {
    expect(await restricted("src/store/probe.ts", "../engine/timers/fireStep.js")).toHaveLength(1);
    expect(await restricted("src/store/sla/probe.ts", "../../commands/work.js")).toHaveLength(1);
    expect(await restricted("src/store/sla/probe.ts", "../../core/sla/policy.js")).toEqual([]);
    // A folder of the store named like a layer is still the store.
    expect(await restricted("src/store/sla/probe.ts", "../demo/seedDemo.js")).toEqual([]);
  });

  it("keeps commands from the callers, and the engine from HTTP and the CLI", async () => {
    expect(await restricted("src/commands/probe.ts", "../api/errors.js")).toHaveLength(1);
    expect(await restricted("src/commands/probe.ts", "../store/tickets.js")).toEqual([]);
    expect(await restricted("src/engine/timers/probe.ts", "../../cli/serve.js")).toHaveLength(1);
    expect(await restricted("src/engine/timers/probe.ts", "../../commands/work.js")).toEqual([]);
  });

  it("lets nothing outside src/web import the web app", async () => {
    expect(await restricted("src/api/routes/probe.ts", "../../web/App.js")).toHaveLength(1);
    expect(await restricted("test/probe.ts", "../src/web/App.js")).toHaveLength(1);
    expect(await restricted("src/web/inbox/probe.ts", "../../core/ticket/ticket.js")).toEqual([]);
  });

  it("leaves tests free to compose layers", async () => {
    expect(await restricted("src/store/probe.test.ts", "../engine/timers/fireStep.js")).toEqual([]);
  });
});
