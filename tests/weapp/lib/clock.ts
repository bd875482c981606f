// A virtual clock for the mini-program context: app code's timers never wait for real time. React 18
// and Taro schedule their work with setTimeout on weapp (no setImmediate, no MessageChannel), so
// "drain microtasks, then run the next due timer, repeat" renders deterministically and instantly.

type TimerCallback = (...args: unknown[]) => void;

interface Timer {
  id: number;
  at: number;
  seq: number;
  callback: TimerCallback;
  args: unknown[];
  interval: number | null;
}

export interface ClockOptions {
  /** Called with anything a timer callback throws (the clock keeps going). */
  onError: (error: unknown, where: string) => void;
  /** Drains pending microtasks (and lets the host finish I/O); called between timers. */
  drain: () => Promise<void>;
}

export class VirtualClock {
  private timers = new Map<number, Timer>();
  private nextId = 1;
  private seq = 0;
  private current = 0;
  private readonly started = Date.now();

  constructor(private readonly options: ClockOptions) {}

  /** Virtual milliseconds since the clock started. */
  get elapsed(): number {
    return this.current;
  }

  /** Wall-clock-like timestamp: real start time plus virtual elapsed time. */
  now(): number {
    return this.started + this.current;
  }

  get pending(): number {
    return this.timers.size;
  }

  setTimeout = (callback: unknown, delay?: unknown, ...args: unknown[]): number => this.add(callback, delay, args, false);

  setInterval = (callback: unknown, delay?: unknown, ...args: unknown[]): number => this.add(callback, delay, args, true);

  clearTimeout = (id: unknown): void => {
    if (typeof id === 'number') this.timers.delete(id);
  };

  clearInterval = (id: unknown): void => {
    if (typeof id === 'number') this.timers.delete(id);
  };

  private add(callback: unknown, delay: unknown, args: unknown[], repeat: boolean): number {
    if (typeof callback !== 'function') throw new TypeError('setTimeout/setInterval need a function (strings are not evaluated in mini-programs)');
    const ms = Math.max(0, Number(delay) || 0);
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.current + ms, seq: this.seq++, callback: callback as TimerCallback, args, interval: repeat ? Math.max(1, ms) : null });
    return id;
  }

  private nextDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.at > limit) continue;
      if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    }
    return best;
  }

  /**
   * Runs microtasks and timers until nothing is left (or only timers later than `maxMs` of virtual
   * time from now). Throws if the app keeps scheduling work forever.
   */
  async settle({ maxMs = 60_000, maxSteps = 20_000 }: { maxMs?: number; maxSteps?: number } = {}): Promise<void> {
    const limit = this.current + maxMs;
    for (let step = 0; ; step++) {
      await this.options.drain();
      const timer = this.nextDue(limit);
      if (!timer) return;
      if (step >= maxSteps) throw new Error(`the app did not settle: still scheduling timers after ${maxSteps} steps (${this.current} ms of virtual time)`);
      this.current = Math.max(this.current, timer.at);
      if (timer.interval === null) this.timers.delete(timer.id);
      else timer.at = this.current + timer.interval;
      try {
        timer.callback(...timer.args);
      } catch (error) {
        this.options.onError(error, 'timer callback');
      }
    }
  }

  /** Advances virtual time by `ms`, running everything that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await this.options.drain();
      const timer = this.nextDue(target);
      if (!timer) break;
      this.current = Math.max(this.current, timer.at);
      if (timer.interval === null) this.timers.delete(timer.id);
      else timer.at = this.current + timer.interval;
      try {
        timer.callback(...timer.args);
      } catch (error) {
        this.options.onError(error, 'timer callback');
      }
    }
    this.current = target;
  }

  clear(): void {
    this.timers.clear();
  }
}
