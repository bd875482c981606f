// Unhandled promise rejections inside the app's vm context. Node reports them on the real process,
// which Jest keeps for itself; V8's promise hooks see every promise instead: a promise of the app's
// realm that settled and never got a reaction (then/catch/await) by the next check is unhandled.
import { promiseHooks } from 'node:v8';

export class RejectionTracker {
  private readonly withReaction = new WeakSet<object>();
  private settled: Array<Promise<unknown>> = [];
  private stopHook: (() => void) | undefined;
  readonly reasons: unknown[] = [];

  constructor(private readonly realmPromise: PromiseConstructor) {}

  start(): void {
    if (this.stopHook) return;
    const realm = this.realmPromise;
    const stop = promiseHooks.createHook({
      init: (_promise, parent) => {
        if (parent instanceof realm) this.withReaction.add(parent);
      },
      settled: (promise) => {
        if (promise instanceof realm) this.settled.push(promise);
      },
    }) as unknown as () => void;
    this.stopHook = stop;
  }

  /**
   * Looks at promises settled since the last call. Rejected ones nobody handled get a handler that
   * records the reason (it runs on a later microtask, so call `drain` before reading `reasons`).
   */
  check(): void {
    const batch = this.settled;
    this.settled = [];
    for (const promise of batch) {
      if (this.withReaction.has(promise)) continue;
      this.withReaction.add(promise);
      const observed = promise.then(undefined, (reason: unknown) => {
        this.reasons.push(reason);
      });
      this.withReaction.add(observed);
    }
  }

  stop(): void {
    this.stopHook?.();
    this.stopHook = undefined;
    this.settled = [];
  }
}
