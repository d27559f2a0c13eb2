/**
 * Reading JSON the app wrote straight from a file's UTF-8 bytes (issue 18): a fixed piece of
 * ASCII, an id in quotes, a number. Each answers only for exactly the bytes JSON.parse would read
 * as the same value, and gives -1 or false for anything else, so the caller can leave the text to
 * JSON.parse.
 */
import { ID_LIMIT, isIdCode } from './restore-values';

const QUOTE = 34;
const MINUS = 45;
const ZERO = 48;
/** The longest number read here. */
const MAX_NUMBER_LENGTH = 32;
/** A plain JSON number: the only ones read here (JSON.parse reads just these digits the same way). */
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

/** A line break's byte. */
export const LINE_BREAK = 10;

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of a fixed piece of the text the app writes, to look for in a file.
 *
 * @example bytesOf('\n  ]') // Uint8Array [10, 32, 32, 93]
 */
export const bytesOf = (text: string): Uint8Array => encoder.encode(text);

/**
 * Whether `pattern` is in `bytes` at `at`.
 *
 * @example startsAt(new TextEncoder().encode('{"id"'), 1, new TextEncoder().encode('"id"')) // true
 */
export function startsAt(bytes: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > bytes.length) return false;
  for (let k = 0; k < pattern.length; k += 1) if (bytes[at + k] !== pattern[k]) return false;
  return true;
}

/**
 * The length of the id that starts at `at` and ends before a quote, as `isId` takes ids (0-9, A-Z,
 * a-z, and after the first `_` `.` `:` `-`; 1 to 128 of them), else -1. Such an id has no escape,
 * so its bytes are its characters.
 *
 * @example idLength(new TextEncoder().encode('P00-h1"'), 0) // 6
 */
export function idLength(bytes: Uint8Array, at: number): number {
  for (let k = 0; k <= ID_LIMIT; k += 1) {
    const c = bytes[at + k];
    if (c === QUOTE) return k === 0 ? -1 : k;
    if (c === undefined || !isIdCode(c, k === 0)) return -1;
  }
  return -1;
}

/** Where the run of number characters (digits, `-`, `+`, `.`, `e`, `E`) from `at` ends. */
function numberEnd(bytes: Uint8Array, at: number): number {
  let k = at;
  for (;;) {
    const c = bytes[k];
    if (c === undefined) return k;
    if (!((c >= 48 && c <= 57) || c === MINUS || c === 43 || c === 46 || c === 101 || c === 69)) return k;
    k += 1;
  }
}

/**
 * The JSON number that starts at `at`: its value and where it ends, or undefined when the bytes
 * there are not one. A whole number of up to 15 digits is read digit by digit; any other goes
 * through `Number`, which reads a plain JSON number as JSON.parse does.
 *
 * @example numberAt(new TextEncoder().encode('-220,'), 0) // { value: -220, end: 4 }
 */
export function numberAt(bytes: Uint8Array, at: number): { value: number; end: number } | undefined {
  const end = numberEnd(bytes, at);
  // Longer than any number JSON.stringify writes (`-1.2345678901234567e-308` is 24): left to JSON.parse.
  if (end - at > MAX_NUMBER_LENGTH) return undefined;
  const negative = bytes[at] === MINUS;
  const first = negative ? at + 1 : at;
  const digits = end - first;
  let whole = digits >= 1 && digits <= 15 && (digits === 1 || bytes[first] !== ZERO);
  let n = 0;
  for (let k = first; whole && k < end; k += 1) {
    const c = (bytes[k] as number) - ZERO;
    if (c < 0 || c > 9) whole = false;
    else n = n * 10 + c;
  }
  if (whole) return { value: negative ? -n : n, end };
  const text = String.fromCharCode(...bytes.subarray(at, end));
  return NUMBER.test(text) ? { value: Number(text), end } : undefined;
}
