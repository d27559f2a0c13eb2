/**
 * A document file cut into parts for reading on two threads (issue 18): its top-level links list,
 * more than half of a large estate's file, for the other thread, which decodes its bytes itself;
 * its hosts list and layout, each decoded and parsed on its own; and the rest, with a one-string
 * list in the place of each part cut out. The file's whole text is never decoded. A part is found
 * where `serializeDocument` writes it (a line break can only lie between JSON values, never inside
 * a string); whether it was the top-level value shows once the rest is parsed: the mark, a string
 * the file cannot know, must be the value of its key. A part's text that parses ends where the
 * value does: JSON's brackets pair by the text between them alone.
 */
import { bytesOf } from './json-bytes';
import { isObject, own } from './restore-values';

/** Where serializeDocument opens and closes a top-level list or map of one entry per line (ASCII). */
interface Bounds {
  readonly open: Uint8Array;
  readonly close: Uint8Array;
}

const bounds = (open: string, close: string): Bounds => ({ open: bytesOf(open), close: bytesOf(close) });

const HOSTS = bounds('\n  "hosts": [\n', '\n  ]');
const LINKS = bounds('\n  "links": [\n', '\n  ]');
const LAYOUT = bounds('\n  "layout": {\n', '\n  }');

/** The parts: the text with `[mark]` for each part cut out, and each part's text. */
export interface LinksCut {
  readonly rest: string;
  /** Where the links list starts and ends in the bytes (decoded by the thread that reads it). */
  readonly linksAt: readonly [number, number];
  /** The hosts list, when it comes before the links list as the app writes it. */
  readonly hosts?: string;
  /** The layout, when it comes after the links list as the app writes it. */
  readonly layout?: string;
  /** Where the layout starts and ends in the bytes, when it was cut out. */
  readonly layoutAt?: readonly [number, number];
}

/**
 * Where `pattern` first starts in `bytes` at or after `from`: hops from one place of its last byte
 * to the next (a line break for an opening, a bracket for a closing), then compares backwards.
 */
function indexOf(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  const last = pattern.length - 1;
  const end = pattern[last] as number;
  for (let i = bytes.indexOf(end, from + last); i >= 0; i = bytes.indexOf(end, i + 1)) {
    let k = 1;
    while (k <= last && bytes[i - k] === pattern[last - k]) k += 1;
    if (k > last) return i - last;
  }
  return -1;
}

/** Where a part's value starts and ends in `bytes` between `from` and `to`, if it is there. */
function find(bytes: Uint8Array, part: Bounds, from: number, to: number): [number, number] | undefined {
  const at = indexOf(bytes, part.open, from);
  if (at < 0 || at + part.open.length > to) return undefined;
  const start = at + part.open.length - 2;
  const close = indexOf(bytes, part.close, start);
  const end = close + part.close.length;
  return close >= 0 && end <= to ? [start, end] : undefined;
}

/** Decodes the start of a file as `text()` does (a byte order mark goes), and the rest as it is. */
const FIRST = new TextDecoder();
const LATER = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Cuts the links list, and the hosts list and layout where they are, out of a document file's
 * UTF-8 bytes. Each part is cut where an ASCII line of it is, which no other character's bytes hold,
 * so each part and each piece of the rest decodes as it does within the whole text; the links list
 * is not decoded here.
 *
 * @param bytes - the file's bytes as serializeDocument writes the document (anything else gives
 *   undefined or a cut that {@link holdsMark} or parsing a part turns down)
 * @param mark - a string the text cannot contain, put in place of each part
 * @returns the parts, or undefined when the text has no links list laid out that way
 * @example
 * cutLinks(new TextEncoder().encode('{\n  "links": [\n    {"id":"l1"}\n  ]\n}'), 'm')
 * // { rest: '{\n  "links": ["m"]\n}', linksAt: [13, 34] }
 */
export function cutLinks(bytes: Uint8Array, mark: string): LinksCut | undefined {
  const links = find(bytes, LINKS, 0, bytes.length);
  if (!links) return undefined;
  const hosts = find(bytes, HOSTS, 0, links[0]);
  const layout = find(bytes, LAYOUT, links[1], bytes.length);
  const placeholder = `[${JSON.stringify(mark)}]`;
  const piece = (from: number, to: number) => (from === 0 ? FIRST : LATER).decode(bytes.subarray(from, to));
  let rest = '';
  let from = 0;
  for (const part of [hosts, links, layout]) {
    if (!part) continue;
    rest += piece(from, part[0]) + placeholder;
    from = part[1];
  }
  rest += piece(from, bytes.length);
  const cut: { -readonly [K in keyof LinksCut]: LinksCut[K] } = { rest, linksAt: links };
  if (hosts) cut.hosts = piece(...hosts);
  if (layout) {
    cut.layout = piece(...layout);
    cut.layoutAt = layout;
  }
  return cut;
}

/** Whether `parsed[key]` is exactly `[mark]`. */
function marked(parsed: Record<string, unknown>, key: string, mark: string): boolean {
  const value = own(parsed, key);
  return Array.isArray(value) && value.length === 1 && value[0] === mark;
}

/**
 * Whether the parsed rest holds the mark as its links list, and as its hosts and layout where the
 * cut took them: then each cut was the top-level value (the one `JSON.parse` of the whole text
 * keeps), and each part's text is its value.
 *
 * @param parsed - what `JSON.parse` made of {@link LinksCut.rest}
 * @param mark - the mark the cut put in
 * @param cut - the cut (without it, only the links are looked at)
 * @returns true when every part cut out is exactly `[mark]` in the rest
 * @example holdsMark({ links: ['m'] }, 'm') // true
 */
export function holdsMark(parsed: unknown, mark: string, cut?: LinksCut): boolean {
  if (!isObject(parsed) || !marked(parsed, 'links', mark)) return false;
  if (cut?.hosts !== undefined && !marked(parsed, 'hosts', mark)) return false;
  return cut?.layout === undefined || marked(parsed, 'layout', mark);
}

/**
 * The parsed rest with its hosts list and layout put back from their parts (parsed here).
 *
 * @param parsed - the parsed rest, for which {@link holdsMark} with `cut` is true; changed in place
 * @param cut - the cut it came from
 * @param layout - whether to put the layout back too (else it stays `[mark]`, for a reader that
 *   places it apart)
 * @returns `parsed`, or undefined when a part is not JSON
 * @example withParts(JSON.parse(cut.rest), cut)?.hosts
 */
export function withParts(
  parsed: Record<string, unknown>,
  cut: LinksCut,
  layout = true,
): Record<string, unknown> | undefined {
  try {
    if (cut.hosts !== undefined) parsed.hosts = JSON.parse(cut.hosts);
    if (layout && cut.layout !== undefined) parsed.layout = JSON.parse(cut.layout);
    return parsed;
  } catch {
    return undefined;
  }
}
