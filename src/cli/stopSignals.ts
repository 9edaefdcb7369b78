// Stopping a long-running command (`palier serve`, `palier worker`) on SIGINT or SIGTERM.

import type { CommandIo } from "./openStore.js";

export interface StopSignals {
  /** Resolves with the first signal. */
  requested: Promise<NodeJS.Signals>;
  dispose(): void;
}

/**
 * SIGINT and SIGTERM as a promise. A second signal more than a second after the first exits at
 * once (one Ctrl-C can arrive twice: from the terminal, and relayed by npm).
 */
export function stopSignals(command: string, io: CommandIo): StopSignals {
  let resolve: (signal: NodeJS.Signals) => void = () => undefined;
  const requested = new Promise<NodeJS.Signals>((done) => (resolve = done));
  let first: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = performance.now();
    if (first === undefined) {
      first = now;
      resolve(signal);
    } else if (now - first > 1000) {
      io.err(`palier ${command}: ${signal} again: exiting without waiting\n`);
      process.exit(1);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    requested,
    dispose: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
