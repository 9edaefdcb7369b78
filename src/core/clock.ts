// Time as a dependency: the system runs on a Clock, which tests (and PALIER_CLOCK=manual) drive.

/** A source of the current instant. */
export interface Clock {
  now(): Date;
}

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;

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
    return this.now();
  }

  set(to: Date): Date {
    this.current = to.getTime();
    return this.now();
  }
}
