// Palier's API in a process of its own for bench/social.ts: opens the PostgreSQL database given in
// BENCH_DATABASE_URL, listens on a free port and reports it to the parent over IPC.

import type * as AppModule from "../src/api/app.js";
import type * as DatabaseModule from "../src/store/database.js";

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { buildApp } = (await import(dist("api/app.js"))) as typeof AppModule;
const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;

const database = await openDatabase({ url: process.env.BENCH_DATABASE_URL as string, poolSize: 20 });
const app = await buildApp({ database, clock: { now: () => new Date() } });
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
process.on("message", async (message) => {
  if (message === "stop") {
    await app.close();
    await database.close();
    process.exit(0);
  }
});
