const ZEROS = '000000000000';

/**
 * A sort key that orders names case-blind and numbers by value: `dp2` before `DP10` (each run of
 * digits padded to twelve). The matrix orders hosts by it. A plain scan: a regular expression with
 * a callback costs three times as much, and a 10,000-host derivation makes 10,000 keys.
 *
 * @param name - A host name as the user typed it.
 * @returns The name in lower case with every run of digits left-padded with zeros to twelve digits
 *   (longer runs are kept as they are); compare keys with `<`.
 * @example
 * naturalKey('DP10'); // 'dp000000000010'
 * ['DP10', 'dp2'].sort((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : 1)); // ['dp2', 'DP10']
 */
export function naturalKey(name: string): string {
  const s = name.toLowerCase();
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < s.length) {
      const d = s.charCodeAt(j);
      if (d < 48 || d > 57) break;
      j += 1;
    }
    out += s.slice(last, i);
    if (j - i < ZEROS.length) out += ZEROS.slice(j - i);
    out += s.slice(i, j);
    last = j;
    i = j;
  }
  return last === 0 ? s : out + s.slice(last);
}
