// `palier worker`: the background workers alone (the timer engine that fires escalation steps,
// and the outbox delivery), against PostgreSQL, so that several processes share the load beside
// `palier serve`. Runs until SIGINT or SIGTERM, then finishes the batch in flight and exits.

import type { Config } from "../config.js";
import { startDeliveryWorker } from "../engine/delivery/deliveryWorker.js";
import { startHandoffReminders } from "../engine/handoffReminders.js";
import { startHousekeeping } from "../engine/housekeeping.js";
import { startOncallNotices } from "../engine/oncallNotices.js";
import { startQueueDrain } from "../engine/routing/queueDrain.js";
import { startImapFetcher } from "../channels/email/imapFetcher.js";
import { loadSecretKey } from "../channels/sealedSecret.js";
import { startTimerWorker } from "../engine/timers/timerWorker.js";
import { type CommandIo, CommandError, configFrom, describeStore, openStore, processIo, runCommand } from "./openStore.js";
import { stopSignals } from "./stopSignals.js";
import { systemClock } from "./systemClock.js";

/** Runs `palier worker` until a stop signal; returns the exit status (0 stopped cleanly, 1 failed, 2 bad configuration). */
export async function workerCommand(io: CommandIo = processIo()): Promise<number> {
  const stop = stopSignals("worker", io);
  try {
    return await runCommand("worker", io, async () => {
      const config = configFrom(io.env);
      checkWorkerConfig(config);
      const database = await openStore(config);
      try {
        try {
          // Safe beside other processes: one migrator at a time.
          await database.migrate();
        } catch (error) {
          throw new CommandError(`migrating ${describeStore(config)} failed: ${(error as Error).message}`, 1);
        }
        const secretKey = loadSecretKey({ configured: config.secretKey, dataDir: config.dataDir });
        const timers = startTimerWorker({ database, clock: systemClock, onError: (error) => io.err(`palier worker: timers: ${error.message}\n`) });
        const delivery = startDeliveryWorker({
          database,
          clock: systemClock,
          smtpUrl: config.smtpUrl,
          mailFrom: config.mailFrom,
          secretKey,
          onError: (error) => io.err(`palier worker: delivery: ${error.message}\n`),
        });
        const housekeeping = startHousekeeping({ database, clock: systemClock, onError: (error) => io.err(`palier worker: housekeeping: ${error.message}\n`) });
        const oncallNotices = startOncallNotices({
          database,
          clock: systemClock,
          onError: (error) => io.err(`palier worker: on-call notices: ${error.message}\n`),
        });
        const reminders = startHandoffReminders({
          database,
          clock: systemClock,
          onError: (error) => io.err(`palier worker: escalation reminders: ${error.message}\n`),
        });
        const queueDrain = startQueueDrain({ database, clock: systemClock, onError: (error) => io.err(`palier worker: queue drain: ${error.message}\n`) });
        // IMAP mailboxes: each fetched by one process at a time, whichever holds its lease.
        const imap = startImapFetcher({
          database,
          clock: systemClock,
          secretKey,
          maxBytes: config.mailMaxBytes,
          onError: (error) => io.err(`palier worker: mailboxes: ${error.message}\n`),
        });
        io.out(
          `Palier worker ${timers.workerId} is running (${describeStore(config)}): timers, outbox delivery, queues and clean-up.\nPress Ctrl-C to stop.\n`,
        );
        const signal = await stop.requested;
        io.out(`\nStopping (${signal})…\n`);
        await Promise.all([timers.stop(), delivery.stop(), housekeeping.stop(), oncallNotices.stop(), reminders.stop(), queueDrain.stop(), imap.stop()]);
        io.out("Stopped.\n");
        return 0;
      } finally {
        await database.close();
      }
    });
  } finally {
    stop.dispose();
  }
}

/** Workers in a process of their own need a shared database and a shared clock. */
function checkWorkerConfig(config: Config): void {
  if (!config.databaseUrl) {
    throw new CommandError("needs PostgreSQL: set DATABASE_URL. Embedded PGlite serves one process, and `palier serve` runs the workers in it.", 2);
  }
  if (config.manualClock) {
    throw new CommandError("PALIER_CLOCK=manual cannot drive another process: a manual clock lives inside `palier serve`, which runs the workers itself.", 2);
  }
}
