/** Sleeps `ms`, waking early (with the abort reason) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface HostState {
  tail: Promise<void>;
  lastEnd: number;
}

/** Runs requests to each host one at a time, with at least `delayMs` between them. */
export class HostQueue {
  private readonly hosts = new Map<string, HostState>();

  /** Queues `task` behind earlier requests to `host`; waits out the politeness delay first. */
  run<T>(host: string, delayMs: number, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), lastEnd: 0 };
      this.hosts.set(host, state);
    }
    const s = state;
    const result = s.tail.then(async () => {
      await sleep(s.lastEnd + delayMs - Date.now(), signal);
      try {
        return await task();
      } finally {
        s.lastEnd = Date.now();
      }
    });
    s.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
