import { startTransition, useEffect, useState } from 'react';

/**
 * True once the browser has been idle after the first render (at once where it cannot say, as in
 * tests): the table waits for it, so a large diagram draws its canvas first and the matrix fills in
 * a moment later instead of delaying both.
 */
export function useIdleOnce(): boolean {
  const [idle, setIdle] = useState(() => typeof globalThis.requestIdleCallback !== 'function');
  useEffect(() => {
    if (idle) return;
    const id = requestIdleCallback(() => startTransition(() => setIdle(true)), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [idle]);
  return idle;
}
