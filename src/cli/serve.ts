// `palier serve` (what `npm start` runs): configuration → database → migrations → the admin →
// the demo on an empty database → the API and the web app on HOST:PORT, until SIGINT or
// SIGTERM closes the server and then the database (which releases the data directory).

import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { buildApp } from "../api/app.js";
import { registerWebApp, WEB_ROOT } from "../api/webApp.js";
import { registerWidgetAssets } from "../api/widgetAssets.js";
import type { Config } from "../config.js";
import { type Clock, ManualClock } from "../core/clock.js";
import { startSmtpReceiver } from "../channels/email/smtpReceiver.js";
import { startImapFetcher } from "../channels/email/imapFetcher.js";
import { loadSecretKey } from "../channels/sealedSecret.js";
import { startHandoffReminders } from "../engine/handoffReminders.js";
import { startHousekeeping } from "../engine/housekeeping.js";
import { startOncallNotices } from "../engine/oncallNotices.js";
import { startQueueDrain } from "../engine/routing/queueDrain.js";
import { startDeliveryWorker } from "../engine/delivery/deliveryWorker.js";
import { startRecomputeWorker } from "../engine/recompute/recomputeWorker.js";
import { startTimerWorker } from "../engine/timers/timerWorker.js";
import { ensureAdmin } from "../store/bootstrap.js";
import type { Database } from "../store/database.js";
import { hasDemo } from "../demo/seedDemo.js";
import { countTickets } from "../store/tickets/ticketList.js";
import { type CommandIo, CommandError, configFrom, describeStore, openStore, processIo, runCommand } from "./openStore.js";
import { demoLoginsText, describeSummary, seedDemoWorkspace } from "./seed.js";
import { stopSignals } from "./stopSignals.js";
import { systemClock } from "./systemClock.js";

/** How long in-flight requests get to finish at shutdown before the database closes anyway. */
const CLOSE_TIMEOUT_MS = 10_000;

/** Runs `palier serve` until a stop signal; returns the exit status (0 stopped cleanly, 1 failed, 2 bad configuration). */
export async function serveCommand(io: CommandIo = processIo()): Promise<number> {
  const started = performance.now();
  // Listen for stop signals from the start: a signal during start-up stops right after it.
  const stop = stopSignals("serve", io);
  try {
    return await runCommand("serve", io, async () => {
      const config = configFrom(io.env);
      const database = await openStore(config);
      try {
        const app = await start(config, database, io, started);
        const signal = await stop.requested;
        io.out(`\nStopping (${signal})…\n`);
        await closeWithin(app.close(), CLOSE_TIMEOUT_MS, () => io.err("palier serve: requests still running after 10 s; closing anyway\n"));
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

async function start(config: Config, database: Database, io: CommandIo, started: number): Promise<Awaited<ReturnType<typeof buildApp>>> {
  try {
    await database.migrate();
  } catch (error) {
    throw new CommandError(`migrating ${describeStore(config)} failed: ${(error as Error).message}`, 1);
  }
  const clock: Clock = config.manualClock ? new ManualClock(config.clockStart ?? systemClock.now()) : systemClock;
  if (config.manualClock) io.out(`The clock is manual (PALIER_CLOCK=manual), starting at ${clock.now().toISOString()}.\n`);

  const admin = await ensureAdmin(database.db, {
    email: config.adminEmail,
    ...(config.adminPassword !== undefined ? { password: config.adminPassword } : {}),
    ...(config.adminToken !== undefined ? { token: config.adminToken } : {}),
    now: clock.now(),
  });
  if (admin.generatedPassword !== undefined) {
    io.out(
      `Created the admin account ${config.adminEmail}. Its password, shown only this once:\n\n    ${admin.generatedPassword}\n\n` +
        "Sign in and keep it somewhere safe (or set PALIER_ADMIN_PASSWORD before the first start).\n",
    );
  } else if (admin.created) {
    io.out(`Created the admin account ${config.adminEmail} (password from PALIER_ADMIN_PASSWORD).\n`);
  } else if (admin.promoted) {
    io.out(`Made ${config.adminEmail} an admin: there was no active admin.\n`);
  }
  if (admin.tokenCreated) io.out(`Provisioned PALIER_ADMIN_TOKEN as an API token of the admin.\n`);

  const secretKey = loadSecretKey({ configured: config.secretKey, dataDir: config.dataDir });
  if (config.demo && (await countTickets(database.db)) === 0 && !(await hasDemo(database.db))) {
    const seeding = performance.now();
    try {
      const summary = await seedDemoWorkspace(database.db, clock.now(), secretKey);
      io.out(`Seeded the demo workspace: ${describeSummary(summary)} (${seconds(performance.now() - seeding)}; PALIER_DEMO=0 to skip).\n`);
    } catch (error) {
      // Another process seeding at the same moment, or a name already taken: start without it.
      if (!(error instanceof CommandError)) throw error;
      io.err(`palier serve: the demo workspace was not seeded: ${error.message}\n`);
    }
  }

  const app = await buildApp({
    database,
    clock,
    secretKey,
    secureCookies: config.secureCookies,
    reportUnexpected: (error, request) =>
      io.err(`palier serve: unexpected error on ${request.method} ${request.url.split("?")[0]}: ${error.stack ?? error.message}\n`),
  });
  // Due escalation steps fire from this process (`palier worker` adds more on PostgreSQL); closing the app stops it.
  const timers = startTimerWorker({ database, clock, onError: (error) => io.err(`palier serve: timers: ${error.message}\n`) });
  app.addHook("onClose", () => timers.stop());
  // The outbox's e-mails, webhooks and in-app notifications go out from this process; closing the app stops it.
  const delivery = startDeliveryWorker({
    database,
    clock,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    secretKey,
    onError: (error) => io.err(`palier serve: delivery: ${error.message}\n`),
  });
  app.addHook("onClose", () => delivery.stop());
  // After a policy or calendar edit, the open tickets are recomputed in the background from this process.
  const recompute = startRecomputeWorker({ database, clock, onError: (error) => io.err(`palier serve: recompute: ${error.message}\n`) });
  app.addHook("onClose", () => recompute.stop());
  // Idempotency keys a day old and expired sessions are removed from this process.
  const housekeeping = startHousekeeping({ database, clock, onError: (error) => io.err(`palier serve: housekeeping: ${error.message}\n`) });
  app.addHook("onClose", () => housekeeping.stop());
  // Whoever comes on call is told, once per hand-off, from this process.
  const oncallNotices = startOncallNotices({ database, clock, onError: (error) => io.err(`palier serve: on-call notices: ${error.message}\n`) });
  app.addHook("onClose", () => oncallNotices.stop());
  // Escalations left without activity remind their owners from this process.
  const reminders = startHandoffReminders({ database, clock, onError: (error) => io.err(`palier serve: escalation reminders: ${error.message}\n`) });
  app.addHook("onClose", () => reminders.stop());
  // Tickets waiting in a team's queue go to agents as they become available, from this process.
  const queueDrain = startQueueDrain({ database, clock, onError: (error) => io.err(`palier serve: queue drain: ${error.message}\n`) });
  app.addHook("onClose", () => queueDrain.stop());
  // IMAP mailboxes are fetched from this process while it holds their lease (one process per mailbox).
  const imap = startImapFetcher({
    database,
    clock,
    secretKey,
    maxBytes: config.mailMaxBytes,
    onError: (error) => io.err(`palier serve: mailboxes: ${error.message}\n`),
  });
  app.addHook("onClose", () => imap.stop());
  try {
    // Mail routed to Palier arrives here and becomes tickets and messages; closing the app stops it.
    const smtp =
      config.smtpInPort === null
        ? null
        : await startSmtpReceiver({
            database,
            clock,
            host: config.smtpInHost,
            port: config.smtpInPort,
            maxBytes: config.mailMaxBytes,
            onError: (error) => io.err(`palier serve: mail: ${error.message}\n`),
          }).catch((error: NodeJS.ErrnoException) => {
            const where = `${config.smtpInHost}:${config.smtpInPort}`;
            if (error.code === "EADDRINUSE")
              throw new CommandError(`cannot receive mail on ${where}: the port is in use (set SMTP_IN_PORT to another one, or off)`, 1);
            throw new CommandError(`cannot receive mail on ${where}: ${error.message}`, 1);
          });
    if (smtp) app.addHook("onClose", () => smtp.close());
    registerWidgetAssets(app);
    const web = await registerWebApp(app);
    await app.listen({ host: config.host, port: config.port }).catch((error: NodeJS.ErrnoException) => {
      const where = `${config.host}:${config.port}`;
      if (error.code === "EADDRINUSE") throw new CommandError(`cannot listen on ${where}: the port is in use (set PORT to another one)`, 1);
      if (error.code === "EADDRNOTAVAIL") throw new CommandError(`cannot listen on ${where}: no such address here (check HOST)`, 1);
      throw new CommandError(`cannot listen on ${where}: ${error.message}`, 1);
    });
    const url = urlOf(app.server.address() as AddressInfo);
    const demo = await hasDemo(database.db);
    // One write: whoever reads the "ready" line gets the rest with it.
    io.out(
      `\nPalier is ready at ${url} (${describeStore(config)}; started in ${seconds(performance.now() - started)}).\n` +
        (smtp ? `It receives mail by SMTP on ${config.smtpInHost}:${smtp.port}.\n` : "") +
        (web.built ? "" : `The web app is not built (no ${WEB_ROOT}/index.html): run npm run build. The API works meanwhile.\n`) +
        (demo ? demoLoginsText() : "") +
        `Admin: ${config.adminEmail} (password: PALIER_ADMIN_PASSWORD, or the one printed at the first start).\nPress Ctrl-C to stop.\n`,
    );
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** The URL to open: `localhost` when listening on every interface, brackets around IPv6. */
function urlOf(address: AddressInfo): string {
  const host = address.address === "0.0.0.0" || address.address === "::" ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function closeWithin(closing: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
  });
  try {
    await Promise.race([closing, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
