// The Palier API in a process of its own for bench/api.ts: opens the store given in argv,
// listens on a free port and reports it to the parent over IPC. BENCH_POOL_SIZE: the PostgreSQL
// pool (default 20).

import type * as AppModule from "../src/api/app.js";
import type * as DatabaseModule from "../src/store/database.js";

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { buildApp } = (await import(dist("api/app.js"))) as typeof AppModule;
const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;

const [url, dataDir] = [process.env.BENCH_DATABASE_URL || undefined, process.env.BENCH_DATA_DIR || undefined];
const database = await openDatabase(url ? { url, poolSize: Number(process.env.BENCH_POOL_SIZE || 20) } : { dataDir });
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
