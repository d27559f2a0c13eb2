/**
 * The form of a host line (host-lines.ts): `{"key":value,…}` with the keys restore reads, each once,
 * string values without escape or control character, the roles a flat list and the options a flat
 * object, and no space inside. A line is read into where each value lies in the text; JSON.parse
 * checks the rest of a list's or object's form when host-values.ts first restores its text.
 */
import { MAX_STRING_LENGTH } from './limits';

const QUOTE = 34;
const BACKSLASH = 92;
export const COMMA = 44;
const COLON = 58;
export const OPEN_LIST = 91;
export const CLOSE_LIST = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

// The fields of a host line, as bits; the text fields at their bit in HOST_TEXT_FIELDS, shifted.
export const ID = 1 << 5;
export const NAME = 1 << 6;
export const ROLES = 1 << 7;
export const OPTIONS = 1 << 8;

/** The field a key names (its bit), or 0 for any other key. */
function fieldAt(s: string, at: number, length: number): number {
  switch (length) {
    case 2:
      return s.startsWith('id', at) ? ID : s.startsWith('ip', at) ? 1 << 1 : 0;
    case 4:
      if (s.startsWith('name', at)) return NAME;
      if (s.startsWith('site', at)) return 1 << 2;
      if (s.startsWith('zone', at)) return 1 << 3;
      return s.startsWith('fqdn', at) ? 1 << 0 : 0;
    case 5:
      return s.startsWith('roles', at) ? ROLES : s.startsWith('notes', at) ? 1 << 4 : 0;
    case 7:
      return s.startsWith('options', at) ? OPTIONS : 0;
    default:
      return 0;
  }
}

/** Where the string opening at `at` closes (its quote), or -1 for an escape, a control character or no end. */
function stringEnd(s: string, at: number): number {
  if (s.charCodeAt(at) !== QUOTE) return -1;
  for (let i = at + 1; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) return i - at - 1 > MAX_STRING_LENGTH ? -1 : i;
    if (c === BACKSLASH || c < 32) return -1;
  }
  return -1;
}

/**
 * Where a flat list or object opening at `at` closes (its bracket), or -1: its strings as
 * {@link stringEnd} reads them, nothing nested. JSON.parse checks the rest of its form.
 */
function flatEnd(s: string, at: number, open: number, close: number): number {
  if (s.charCodeAt(at) !== open) return -1;
  for (let i = at + 1; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === close) return i;
    if (c === QUOTE) {
      i = stringEnd(s, i);
      if (i < 0) return -1;
    } else if (c === OPEN_LIST || c === OPEN_OBJECT || c === CLOSE_LIST || c === CLOSE_OBJECT) return -1;
  }
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** One host line's fields: where each value lies in the text (start, end), by its field's bit. */
export interface Line {
  seen: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Where the line ends (after its closing brace). */
  end: number;
}

const SLOT: Record<number, number> = { [ID]: 5, [NAME]: 6, [ROLES]: 7, [OPTIONS]: 8 };
const slotOf = (bit: number) => SLOT[bit] ?? 31 - Math.clz32(bit);

/** Reads the host object opening at `at` into `line`; false when it is not a flat host line. */
export function readLine(s: string, at: number, line: Line): boolean {
  if (s.charCodeAt(at) !== OPEN_OBJECT) return false;
  line.seen = 0;
  let i = at + 1;
  if (s.charCodeAt(i) === CLOSE_OBJECT) {
    line.end = i + 1;
    return true;
  }
  for (;;) {
    const keyEnd = stringEnd(s, i);
    if (keyEnd < 0 || s.charCodeAt(keyEnd + 1) !== COLON) return false;
    const bit = fieldAt(s, i + 1, keyEnd - i - 1);
    // Another field, or one given twice (JSON.parse keeps the last), is left to JSON.
    if (bit === 0 || line.seen & bit) return false;
    line.seen |= bit;
    const start = keyEnd + 2;
    const end =
      bit === ROLES
        ? flatEnd(s, start, OPEN_LIST, CLOSE_LIST)
        : bit === OPTIONS
          ? flatEnd(s, start, OPEN_OBJECT, CLOSE_OBJECT)
          : stringEnd(s, start);
    if (end < 0) return false;
    const slot = slotOf(bit);
    line.from[slot] = start;
    line.to[slot] = end + 1;
    const next = s.charCodeAt(end + 1);
    i = end + 2;
    if (next === CLOSE_OBJECT) {
      line.end = i;
      return true;
    }
    if (next !== COMMA) return false;
  }
}

/** Where the next character that is not JSON whitespace is, from `at`. */
export function skipSpace(s: string, at: number): number {
  let i = at;
  while (i < s.length && isSpace(s.charCodeAt(i))) i += 1;
  return i;
}
