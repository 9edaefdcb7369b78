// Time as a dependency: the system runs on a Clock, which tests (and PALIER_CLOCK=manual) drive.

/** A source of the current instant. */
export interface Clock {
  now(): Date;
  /**
   * Clocks that jump (a manual clock) call `listener` whenever they move, so that whoever sleeps
   * until an instant re-checks; returns the unsubscribe. The system clock has none.
   */
  onChange?(listener: (now: Date) => void): () => void;
}

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;
  private readonly listeners = new Set<(now: Date) => void>();

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves forward by `ms` (never backwards). */
  advance(ms: number): Date {
    if (!(ms >= 0)) throw new RangeError(`a manual clock only moves forward, got ${ms} ms`);
    this.current += ms;
    return this.moved();
  }

  set(to: Date): Date {
    this.current = to.getTime();
    return this.moved();
  }

  /** Calls `listener` after every move; returns the unsubscribe. */
  onChange(listener: (now: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private moved(): Date {
    const now = this.now();
    for (const listener of [...this.listeners]) listener(now);
    return now;
  }
}
