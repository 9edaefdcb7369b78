// Lint rules for the whole repository; the last block keeps the wall clock out of src/core.
import js from "@eslint/js";
import globals from "globals";
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
);
