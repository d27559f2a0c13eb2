import type { TabLocks } from '@/store/tab-link';

/**
 * The Web Locks rules the tab link relies on, for tabs simulated in one Node process (Node 20 has
 * no `navigator.locks`; the browser tests use Chromium's): one holder per name, held until the
 * callback's promise settles; `ifAvailable` gets `null` at once when held; other requests queue in
 * order and an aborted signal takes a queued request out.
 */
export function memoryLocks(): TabLocks {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const run = (name: string, callback: (lock: unknown) => Promise<void> | void) => {
    held.add(name);
    return Promise.resolve()
      .then(() => callback({ name }))
      .finally(() => {
        held.delete(name);
        waiting.get(name)?.shift()?.();
      });
  };
  return {
    request(name, options, callback) {
      if (!held.has(name)) return run(name, callback);
      if (options.ifAvailable) return Promise.resolve().then(() => callback(null));
      return new Promise((resolve, reject) => {
        const queue = waiting.get(name) ?? [];
        waiting.set(name, queue);
        const grant = () => resolve(run(name, callback));
        queue.push(grant);
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(grant);
          if (at >= 0) queue.splice(at, 1);
          reject(new DOMException('The request was aborted.', 'AbortError'));
        });
      });
    },
  };
}
