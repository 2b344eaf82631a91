// The session clocks: a virtual clock that only moves when the scheduler moves it (every session waits), and the
// real clock (milliseconds since the runtime started). Both implement the contract's Clock.
import type { Clock } from '../contracts';

export interface SessionClock extends Clock {
  readonly kind: 'virtual' | 'real';
  /** Virtual clock: jump to `t` (never backwards). Real clock: no effect (real time cannot be moved). */
  advanceTo(t: number): void;
}

/** Time passes only when the scheduler says so: a 10-minute timeout costs no wall time. */
export class VirtualClock implements SessionClock {
  readonly kind = 'virtual' as const;
  private t = 0;

  now(): number {
    return this.t;
  }

  advanceTo(t: number): void {
    // Invariant: virtual time is monotonic; a late request to move back is ignored, not an error.
    if (t > this.t) this.t = t;
  }
}

/** Wall time since the runtime started, in whole milliseconds (performance.now is monotonic, Date.now is not). */
export class RealClock implements SessionClock {
  readonly kind = 'real' as const;
  private readonly origin = performance.now();

  now(): number {
    return Math.floor(performance.now() - this.origin);
  }

  advanceTo(): void {
    /* real time moves by itself */
  }
}
