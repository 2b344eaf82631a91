// A binary min-heap of timers on the session clock (sleep wake-ups, timeouts, deadlines). Ties fire in the order
// they were set, so the timeline is deterministic.

export interface Timer {
  readonly at: number;
  readonly seq: number;
  fire: () => void;
  cancelled: boolean;
}

export class TimerHeap {
  private heap: Timer[] = [];
  private seq = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  add(at: number, fire: () => void): Timer {
    const t: Timer = { at, seq: this.seq++, fire, cancelled: false };
    this.heap.push(t);
    this.up(this.heap.length - 1);
    this.live++;
    return t;
  }

  cancel(t: Timer | undefined): void {
    if (t && !t.cancelled) {
      t.cancelled = true;
      this.live--;
    }
  }

  /** The earliest live timer's time, or undefined. */
  peek(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Removes and returns the earliest live timer due at or before `now`. */
  popDue(now: number): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.at > now) return undefined;
    this.pop();
    top.cancelled = true;
    this.live--;
    return top;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private pop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
