// Vite builds the self-care widget (src/web/widget) into dist/widget/widget.js: one small
// self-contained script, no framework, its styles inside it, that `palier serve` serves at
// /widget.js for customers' sites (docs/self-care.md).

import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("./dist/widget", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL("./src/web/widget/widget.ts", import.meta.url)),
      formats: ["iife"],
      name: "PalierWidget",
      fileName: () => "widget.js",
    },
  },
});
