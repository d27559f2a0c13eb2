/**
 * Small, never-throwing helpers that restore uses to read unknown values. None of them converts
 * an unknown value to text (`String`, template literals, `JSON.stringify`): a `{"toString":null}`
 * or a deeply nested value would throw. Values are type-checked first and described in words.
 */

import type { PortRange } from './catalogue-types';
import { TEXT_LIMIT } from './document';
import { type Message, type MessageParam, message } from './message';
import { type Checked, parsePort, parseRange } from './settings';

export type Json = Record<string, unknown>;

/** Ids of hosts, links and zones: a letter or digit, then up to 127 of `A-Za-z0-9_.:-`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Longest id: the first character and up to 127 more (ID_PATTERN). */
export const ID_LIMIT = 128;

/**
 * Whether the character code `c` may stand in an id: 0-9, A-Z, a-z anywhere; `_` `.` `:` `-` after
 * the first character.
 *
 * @example isIdCode(45, false) // true: `-` after the first character
 */
export function isIdCode(c: number, first: boolean): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return !first && (c === 95 || c === 46 || c === 58 || c === 45);
}

/**
 * `ID_PATTERN.test` for a value of any type, by char codes: restore asks it once per host, link and
 * role of a file (half a million times at 100,000 hosts), where a regular expression costs more.
 *
 * @param value - anything read from a file
 * @example
 * isId('P00-h1'); // true
 * isId('-a'); // false: it starts with a letter or digit
 */
export function isId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const n = value.length;
  if (n === 0 || n > ID_LIMIT) return false;
  for (let i = 0; i < n; i += 1) if (!isIdCode(value.charCodeAt(i), i === 0)) return false;
  return true;
}

/** Longest text a port or range can have; longer text is refused before any regular expression. */
const PORT_TEXT_LIMIT = 32;
/** Longest quoted value inside a report line. */
const QUOTE_LIMIT = 60;

/**
 * True for a plain JSON object (not null, not a list): what a file's hosts, links and settings must be.
 *
 * @param value - anything parsed from a file
 * @example
 * isObject({}); // true
 * isObject([]); // false
 */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether an object's enumerable fields are exactly `names`, in that order (a parsed object has
 * only own ones): then restore can keep it as it is, and it is saved as restore would write it.
 */
export function hasFieldsInOrder(value: Json, names: readonly string[]): boolean {
  let n = 0;
  for (const key in value) {
    if (key !== names[n]) return false;
    n += 1;
  }
  return n === names.length;
}

/**
 * The value of an own property only: inherited ones (`constructor`, `toString`) read as absent.
 *
 * @param obj - a JSON object from a file
 * @param key - the field's name
 * @example
 * own({}, 'toString'); // undefined
 */
export function own(obj: Json, key: string): unknown {
  // Read first: an absent field (most optional ones) then costs one lookup, not two.
  const value = obj[key];
  return value !== undefined && Object.hasOwn(obj, key) ? value : undefined;
}

/**
 * Text cut to a readable length for a report line; the catalogue puts the quotes of its language
 * around it.
 *
 * @param value - any string, possibly very long
 * @returns the value, or its first 60 characters and `…` when longer
 * @example cut('web01') // 'web01'
 */
export function cut(value: string): string {
  return value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value;
}

/**
 * Text in double quotes, cut to a readable length (for text that is not a message yet).
 *
 * @param value - any string, possibly very long
 * @returns `"value"`, or `"first 60 characters…"` when longer
 * @example quote('web01') // '"web01"'
 */
export function quote(value: string): string {
  return `"${cut(value)}"`;
}

/**
 * A value from a file, quoted the way the reader's language quotes.
 *
 * @param value - any string, possibly very long
 * @returns a message param: `"web01"` in English, `„web01“` in German
 * @example message('restore:host.label', { host: quoted('web01') })
 */
export function quoted(value: string): MessageParam {
  return { message: message('restore:value.quoted', { text: cut(value) }) };
}

/**
 * Describes any value in a few words without converting it: strings quoted and cut, numbers and
 * booleans as written, everything else by kind.
 *
 * @param value - anything, including objects with a hostile `toString`
 * @returns a short description as a message param, safe to put into a message
 * @example describe({ toString: null }) // { message: { key: 'restore:value.object' } }: 'an object'
 */
export function describe(value: unknown): MessageParam {
  const kind = (key: string): MessageParam => ({ message: message(`restore:value.${key}`) });
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      // As written in the file (a port such as 8080 is never grouped as 8,080).
      return String(value);
    case 'undefined':
      return kind('nothing');
    case 'symbol':
      return kind('symbol');
    case 'function':
      return kind('function');
    default:
      return value === null ? 'null' : Array.isArray(value) ? kind('list') : kind('object');
  }
}

/**
 * True when `text` keeps a value as it is without a report line: absent, null, or text within
 * `TEXT_LIMIT`. Restore asks this first for the fields of each host and link, so the words naming a
 * field (a message) are only made when a report line is due.
 *
 * @param value - the field as the file has it
 * @example
 * isPlainText('DP01'); // true
 * isPlainText(42); // false: `text` would drop it with a report line
 */
export function isPlainText(value: unknown): value is string | undefined | null {
  return value === undefined || value === null || (typeof value === 'string' && value.length <= TEXT_LIMIT);
}

/**
 * Reads an optional text field: absent stays absent, non-text is dropped and over-long text is
 * cut to `TEXT_LIMIT`, each with a report line.
 *
 * @param value - the field as the file has it
 * @param what - how the report names the field (`Host "DP01": FQDN`), a message
 * @param problems - report lines are added here
 * @returns the text, or undefined when absent or dropped
 * @example
 * text(42, message('restore:subject.documentName'), problems);
 * // undefined, and problems gets 'Document name is not text and was dropped'
 */
export function text(value: unknown, what: Message, problems: Message[]): string | undefined {
  if (isPlainText(value)) return value ?? undefined;
  if (typeof value !== 'string') {
    problems.push(message('restore:text.notText', { what: { message: what } }));
    return undefined;
  }
  if (value.length > TEXT_LIMIT) {
    problems.push(message('restore:text.tooLong', { what: { message: what }, limit: String(TEXT_LIMIT) }));
    return value.slice(0, TEXT_LIMIT);
  }
  return value;
}

function portLike(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && value.length <= PORT_TEXT_LIMIT);
}

/**
 * `parsePort` for unknown values: only numbers and short strings reach it (it quotes its input).
 *
 * @param value - a port as a file has it
 * @returns the port, or why it is not one
 * @example
 * readPort('8080'); // { ok: true, value: 8080 }
 * readPort({ toString: 0 }); // refused: 'an object is not a whole port number (1–65535)'
 */
export function readPort(value: unknown): Checked<number> {
  if (portLike(value)) return parsePort(value);
  return { ok: false, error: message('restore:settings.notPort', { value: describe(value) }) };
}

/**
 * `parseRange` for unknown values: a short `low-high` string or an object whose own `from` and
 * `to` are numbers or short strings (long text would make the range pattern slow).
 *
 * @param value - a range as a file has it
 * @returns the range, or why it is not one
 * @example
 * readRange({ from: 49152, to: 65535 }); // { ok: true, value: { from: 49152, to: 65535 } }
 */
export function readRange(value: unknown): Checked<PortRange> {
  if (typeof value === 'string') {
    return value.length <= PORT_TEXT_LIMIT * 2
      ? parseRange(value)
      : { ok: false, error: message('restore:settings.notRange', { value: quoted(value) }) };
  }
  if (!isObject(value)) return { ok: false, error: message('restore:settings.rangeNeedsEnds') };
  const from = own(value, 'from');
  const to = own(value, 'to');
  const notPort = (end: 'lowEnd' | 'highEnd', v: unknown) => ({
    ok: false as const,
    error: message(`restore:settings.${end}`, {
      problem: { message: message('restore:settings.notPort', { value: describe(v) }) },
    }),
  });
  if (!portLike(from)) return notPort('lowEnd', from);
  if (!portLike(to)) return notPort('highEnd', to);
  return parseRange({ from, to });
}
