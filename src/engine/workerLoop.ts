// What the engine's polling workers share: their background loop and explicit runOnce() calls
// taking turns, and a sleep that a notification, a moving clock or stop() cuts short.

/** Runs work one piece after another, in the order given. */
export interface Turns {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Settles when the work given so far has settled. */
  idle(): Promise<unknown>;
}

export function turns(): Turns {
  let turn: Promise<unknown> = Promise.resolve();
  return {
    run: <T>(work: () => Promise<T>): Promise<T> => {
      const run = turn.then(work);
      turn = run.catch(() => undefined);
      return run;
    },
    idle: () => turn,
  };
}

/** A sleep that `wake()` ends at once; a wake while awake makes the next sleep return at once, until `reset()`. */
export interface Sleeper {
  sleep(ms: number): Promise<void>;
  wake(): void;
  reset(): void;
}

export function sleeper(): Sleeper {
  let woken = false;
  let wakeSleeper: (() => void) | undefined;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (woken) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeSleeper = undefined;
          resolve();
        }
        wakeSleeper = done;
      }),
    wake: () => {
      woken = true;
      wakeSleeper?.();
    },
    reset: () => {
      woken = false;
    },
  };
}

/** A loop of rounds: `runOnce()` runs one in turn with the loop's; `wake()` starts the next one early. */
export interface Rounds<T> {
  runOnce(): Promise<T>;
  wake(): void;
  /** Ends the loop once the round in flight, if any, has settled. */
  stop(): Promise<void>;
}

/**
 * Runs `round` at once, then every `everyMs`, or sooner when woken (a wake during a round starts
 * the next one right after it); a failed round is reported to `onError` and the loop goes on.
 */
export function everyRound<T>(round: () => Promise<T>, everyMs: number, onError: (error: Error) => void): Rounds<T> {
  const turn = turns();
  const rest = sleeper();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      rest.reset();
      await turn.run(round).catch((error: Error) => onError(error));
      await rest.sleep(everyMs);
    }
  })();
  return {
    runOnce: () => turn.run(round),
    wake: () => rest.wake(),
    stop: async () => {
      stopped = true;
      rest.wake();
      await loop;
      await turn.idle();
    },
  };
}
