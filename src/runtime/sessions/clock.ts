// The session clocks: a virtual clock that only moves when the scheduler moves it (every session waits), and the
// real clock. Both implement the contract's Clock: `now()` is milliseconds since 1970 UTC (what AL's Time(),
// Today() and CurrentDateTime read); `elapsed()` is milliseconds since the runtime started (the timeline's `t`).
import type { Clock } from '../contracts';

export interface SessionClock extends Clock {
  readonly kind: 'virtual' | 'real';
  /** Milliseconds since the runtime started. */
  elapsed(): number;
  /** Virtual clock: jump to `t` (never backwards). Real clock: no effect (real time cannot be moved). */
  advanceTo(t: number): void;
}

/** Where virtual time starts: a fixed, ordinary working-day morning, so runs are reproducible. */
export const VIRTUAL_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

/** Time passes only when the scheduler says so: a 10-minute timeout costs no wall time. */
export class VirtualClock implements SessionClock {
  readonly kind = 'virtual' as const;
  private t: number;

  constructor(readonly origin = VIRTUAL_EPOCH) {
    this.t = origin;
  }

  now(): number {
    return this.t;
  }

  elapsed(): number {
    return this.t - this.origin;
  }

  advanceTo(t: number): void {
    // Invariant: virtual time is monotonic; a late request to move back is ignored, not an error.
    if (t > this.t) this.t = t;
  }
}

/** Wall time; measured with performance.now (monotonic) from the start's Date.now. */
export class RealClock implements SessionClock {
  readonly kind = 'real' as const;
  readonly origin = Date.now();
  private readonly perfOrigin = performance.now();

  now(): number {
    return this.origin + Math.floor(performance.now() - this.perfOrigin);
  }

  elapsed(): number {
    return Math.floor(performance.now() - this.perfOrigin);
  }

  advanceTo(): void {
    /* real time moves by itself */
  }
}
