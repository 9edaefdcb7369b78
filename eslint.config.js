// Lint rules for the whole repository; a block keeps the wall clock out of src/core, the layer
// blocks keep each folder's imports pointing inward (see layers below), and the last one lints
// the browser app (src/web) with browser globals and the rules of React hooks.
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const wallClock = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "src/core takes time as an argument: no Date.now().",
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "src/core takes time as an argument: no new Date().",
  },
  {
    selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']",
    message: "src/core takes time as an argument: no performance.now().",
  },
];

// The folders of src/ and which of them each layer may not import. Dependencies point inward:
// api, engine, cli, demo, channels → commands → store → core; nothing imports the web app.
const FOLDERS = ["api", "channels", "cli", "commands", "core", "demo", "engine", "store", "web"];
const layers = [
  { layer: "core", forbidden: [...FOLDERS.filter((f) => f !== "core"), "config"], why: "src/core is pure: it imports nothing of ours outside core" },
  {
    layer: "store",
    forbidden: ["api", "channels", "cli", "commands", "demo", "engine", "web", "config"],
    why: "src/store is data access: it imports only core and store",
  },
  {
    layer: "commands",
    forbidden: ["api", "channels", "cli", "demo", "engine", "web"],
    why: "src/commands is used by api, engine, cli, demo and channels, never the other way",
  },
  { layer: "engine", forbidden: ["api", "cli", "web"], why: "src/engine runs commands and store: it imports no HTTP, CLI or web code" },
  { layer: "api", forbidden: ["web"], why: "nothing outside src/web imports the web app" },
  { layer: "cli", forbidden: ["web"], why: "nothing outside src/web imports the web app" },
  { layer: "demo", forbidden: ["web"], why: "nothing outside src/web imports the web app" },
  { layer: "channels", forbidden: ["web"], why: "nothing outside src/web imports the web app" },
];

// Imports are relative, so a file `depth` folders below src/ reaches src/<folder> (or
// src/config.ts) through exactly `depth` "../": one block per depth keeps a same-named
// subfolder (src/store/demo) from matching a layer (src/demo).
const MAX_DEPTH = 6;
function layerBlocks({ layer, forbidden, why }) {
  return Array.from({ length: MAX_DEPTH }, (_, i) => i + 1).map((depth) => ({
    files: [`src/${layer}/${"*/".repeat(depth - 1)}*.{ts,tsx}`],
    ignores: ["src/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(\\.\\./){${depth}}(${forbidden.filter((f) => f !== "config").join("|")})(/|$)${forbidden.includes("config") ? `|^(\\.\\./){${depth}}config(\\.js)?$` : ""}`,
              message: `${why} (docs/ARCHITECTURE.md).`,
            },
          ],
        },
      ],
    },
  }));
}

// Tests, benchmarks and scripts (outside src/) never import the web app either.
const webOutsideSrc = {
  files: ["test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: [{ regex: "(^|/)src/web(/|$)", message: "nothing outside src/web imports the web app (docs/ARCHITECTURE.md)." }] },
    ],
  },
};

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...wallClock],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  ...layers.flatMap(layerBlocks),
  webOutsideSrc,
  {
    files: ["src/web/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
);
