// Vite builds the browser app (src/web) into dist/web, which `palier serve` serves at `/`.
// In development (`npm run dev:web`) it proxies /api to a `palier serve` on port 3000.

import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.PALIER_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // The libraries change less often than the app: their own chunk stays in the browser's cache.
        codeSplitting: { groups: [{ name: "vendor", test: /node_modules/ }] },
      },
    },
  },
  server: { proxy: { "/api": api } },
  preview: { proxy: { "/api": api } },
});
