/**
 * A 53-bit hash of a text as 14 hex digits (cyrb53): the same text gives the same digits on every
 * machine and in every run, which makes generated names (firewall rules) stable between exports.
 * Not for secrets.
 *
 * @param text - Any text.
 * @returns 14 lower-case hex digits.
 * @example
 * stableHash('P01-DP01|TCP|443'); // the same 14 digits every time
 */
export function stableHash(text: string): string {
  const [h1, h2] = hashPair(text);
  const value = 4294967296 * (2097151 & h2) + h1;
  return value.toString(16).padStart(14, '0');
}

/**
 * The two 32-bit halves of a text's cyrb53 hash, each well mixed (unsigned): {@link stableHash} is
 * 53 bits of them; the saved text's parts (document-writer.ts) use all 64.
 *
 * @param text - Any text.
 * @returns Two unsigned 32-bit numbers.
 */
export function hashPair(text: string): readonly [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
