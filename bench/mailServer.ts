// Palier's API and its SMTP receiver in a process of their own for bench/mail.ts: opens the
// PostgreSQL database given in BENCH_DATABASE_URL, listens on two free ports and reports them to
// the parent over IPC; answers "rss" with its resident memory, sampled every 20 ms since the
// last "rss" (the peak).

import type * as AppModule from "../src/api/app.js";
import type * as ReceiverModule from "../src/channels/email/smtpReceiver.js";
import type * as DatabaseModule from "../src/store/database.js";

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { buildApp } = (await import(dist("api/app.js"))) as typeof AppModule;
const { startSmtpReceiver } = (await import(dist("channels/email/smtpReceiver.js"))) as typeof ReceiverModule;
const { openDatabase } = (await import(dist("store/database.js"))) as typeof DatabaseModule;

const database = await openDatabase({ url: process.env.BENCH_DATABASE_URL as string, poolSize: 20 });
const clock = { now: () => new Date() };
const app = await buildApp({ database, clock });
await app.listen({ host: "127.0.0.1", port: 0 });
const smtp = await startSmtpReceiver({
  database,
  clock,
  host: "127.0.0.1",
  port: 0,
  maxBytes: 30 * 1024 * 1024,
  onError: (error) => console.error(error.message),
});
const address = app.server.address();
let peak = process.memoryUsage().rss;
setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20).unref();
process.send?.({ port: typeof address === "object" && address ? address.port : 0, smtpPort: smtp.port });
process.on("message", async (message) => {
  if (message === "rss") {
    globalThis.gc?.();
    process.send?.({ rss: process.memoryUsage().rss, peak });
    peak = process.memoryUsage().rss;
  }
  if (message === "stop") {
    await smtp.close();
    await app.close();
    await database.close();
    process.exit(0);
  }
});
