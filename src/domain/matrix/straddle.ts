/**
 * Where a needle can cross from one text part into the next, as bit masks per part (bit `k`: the
 * first `k` characters of the needle). Lets a test of `a + b + c + d` against a needle read a few
 * integers per row instead of joining the texts: the justification is made of four parts, each one
 * of few texts.
 */
export interface StraddleMasks {
  /** Bit k: the part ends with the needle's first k characters. */
  readonly suffix: Int32Array;
  /** Bit k: the part starts with the needle's rest after k characters (the needle ends in it). */
  readonly prefix: Int32Array;
  /** Bit k: the part is exactly the needle's next characters after k, and the needle goes on past it. */
  readonly through: Int32Array;
  readonly length: Int32Array;
}

/** Longest needle the masks hold (bits 1..30 of an Int32). */
export const STRADDLE_MAX = 31;

/**
 * The straddle masks of each text for one needle.
 *
 * @param texts - The part texts (lower case), by code.
 * @param needle - The lower-case needle, 2 to {@link STRADDLE_MAX} characters.
 * @returns Masks by code.
 * @example
 * const m = straddleMasks(['p01-dp', ' (management'], 'dp (');
 * joinedIncludes([m, m], [0, 1]); // true: 'p01-dp' + ' (management' holds 'dp ('
 */
export function straddleMasks(texts: readonly string[], needle: string): StraddleMasks {
  const n = texts.length;
  const L = needle.length;
  const heads = Array.from({ length: L }, (_, k) => needle.slice(0, k));
  const tails = Array.from({ length: L }, (_, k) => needle.slice(k));
  const suffix = new Int32Array(n);
  const prefix = new Int32Array(n);
  const through = new Int32Array(n);
  const length = new Int32Array(n);
  for (let c = 0; c < n; c += 1) {
    const t = texts[c]!;
    length[c] = t.length;
    let su = 0;
    let pr = 0;
    let th = 0;
    for (let k = 1; k < L; k += 1) {
      if (k <= t.length && t.endsWith(heads[k]!)) su |= 1 << k;
      if (t.startsWith(tails[k]!)) pr |= 1 << k;
      if (k + t.length < L && needle.startsWith(t, k)) th |= 1 << k;
    }
    suffix[c] = su;
    prefix[c] = pr;
    through[c] = th;
  }
  return { suffix, prefix, through, length };
}

/**
 * True when the needle crosses a boundary of the joined parts (occurrences inside one part are
 * the caller's to test).
 *
 * @param masks - Each part's masks.
 * @param codes - Each part's code.
 * @returns Whether some occurrence spans two or more parts.
 * @example
 * joinedIncludes([names, middles, names, tails], [s, m, r, t]);
 */
export function joinedIncludes(masks: readonly StraddleMasks[], codes: readonly number[]): boolean {
  let open = masks[0]!.suffix[codes[0]!]!;
  for (let j = 1; j < masks.length; j += 1) {
    const m = masks[j]!;
    const c = codes[j]!;
    if ((open & m.prefix[c]!) !== 0) return true;
    open = m.suffix[c]! | ((open & m.through[c]!) << m.length[c]!);
  }
  return false;
}
