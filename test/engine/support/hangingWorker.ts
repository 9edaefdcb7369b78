// A timer worker in a process of its own, for the crash test: it commits its first batches,
// then hangs inside the next one (its events and outbox rows written, not committed) and
// tells its parent, which kills it with SIGKILL.
//
// Env: DATABASE_URL, CLOCK_AT (ISO instant of its manual clock), BATCH_SIZE, HANG_ON_BATCH.

import { ManualClock } from "../../../src/core/clock.js";
import { openDatabase } from "../../../src/store/database.js";
import { startTimerWorker } from "../../../src/engine/timers/timerWorker.js";

const database = await openDatabase({ url: process.env.DATABASE_URL as string, poolSize: 2 });
const hangOn = Number(process.env.HANG_ON_BATCH);
let batches = 0;
startTimerWorker({
  database,
  clock: new ManualClock(new Date(process.env.CLOCK_AT as string)),
  batchSize: Number(process.env.BATCH_SIZE),
  pollMs: 60_000,
  workerId: "doomed",
  beforeCommit: async (result) => {
    batches += 1;
    if (batches < hangOn) return;
    process.send?.({ hanging: result.fired });
    await new Promise(() => undefined);
  },
});
