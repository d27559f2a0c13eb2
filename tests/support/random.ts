/**
 * A small deterministic random generator for the randomised incremental-vs-scratch tests, so a
 * failure can be replayed from its seed.
 *
 * @param seed - where the sequence starts
 * @returns a function giving a whole number from 0 to n - 1
 * @example
 * const random = seededRandom(1);
 * random(10); // the same number on every run
 */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}
