/**
 * A document's text cut into parts for reading on two threads (issue 18): its top-level links list,
 * more than half of a large estate's file, for the other thread; its hosts list and layout, parsed
 * each from a slice of the text (a slice is not a copy, so the 17 MB rest of a 100,000-host file is
 * never copied whole); and the rest, with a one-string list in the place of each part cut out. A
 * part is found where `serializeDocument` writes it (a line break can only lie between JSON values,
 * never inside a string); whether it was the top-level value shows once the rest is parsed: the
 * mark, a string the file cannot know, must be the value of its key. A part's text that parses
 * ends where the value does: JSON's brackets pair by the text between them alone.
 */
import { isObject, own } from './restore-values';

/** Where serializeDocument opens and closes a top-level list or map of one entry per line. */
interface Bounds {
  readonly open: string;
  readonly close: string;
}

const HOSTS: Bounds = { open: '\n  "hosts": [\n', close: '\n  ]' };
const LINKS: Bounds = { open: '\n  "links": [\n', close: '\n  ]' };
const LAYOUT: Bounds = { open: '\n  "layout": {\n', close: '\n  }' };

/** The parts: the text with `[mark]` for each part cut out, and each part's text. */
export interface LinksCut {
  readonly rest: string;
  readonly links: string;
  /** Where the links list starts and ends in the text. */
  readonly linksAt: readonly [number, number];
  /** The hosts list, when it comes before the links list as the app writes it. */
  readonly hosts?: string;
  /** The layout, when it comes after the links list as the app writes it. */
  readonly layout?: string;
}

/** Where a part's value starts and ends in `text` between `from` and `to`, if it is there. */
function find(text: string, part: Bounds, from: number, to: number): [number, number] | undefined {
  const at = text.indexOf(part.open, from);
  if (at < 0 || at + part.open.length > to) return undefined;
  const start = at + part.open.length - 2;
  const close = text.indexOf(part.close, start);
  const end = close + part.close.length;
  return close >= 0 && end <= to ? [start, end] : undefined;
}

/**
 * Cuts the links list, and the hosts list and layout where they are, out of a document's text.
 *
 * @param text - the document's text as serializeDocument writes it (anything else gives undefined
 *   or a cut that {@link holdsMark} or parsing a part turns down)
 * @param mark - a string the text cannot contain, put in place of each part
 * @returns the parts, or undefined when the text has no links list laid out that way
 * @example
 * cutLinks('{\n  "links": [\n    {"id":"l1"}\n  ]\n}', 'm')
 * // { rest: '{\n  "links": ["m"]\n}', links: '[\n    {"id":"l1"}\n  ]', linksAt: [13, 34] }
 */
export function cutLinks(text: string, mark: string): LinksCut | undefined {
  const links = find(text, LINKS, 0, text.length);
  if (!links) return undefined;
  const hosts = find(text, HOSTS, 0, links[0]);
  const layout = find(text, LAYOUT, links[1], text.length);
  const placeholder = `[${JSON.stringify(mark)}]`;
  let rest = '';
  let from = 0;
  for (const part of [hosts, links, layout]) {
    if (!part) continue;
    rest += text.slice(from, part[0]) + placeholder;
    from = part[1];
  }
  rest += text.slice(from);
  const cut: { -readonly [K in keyof LinksCut]: LinksCut[K] } = {
    rest,
    links: text.slice(...links),
    linksAt: links,
  };
  if (hosts) cut.hosts = text.slice(...hosts);
  if (layout) cut.layout = text.slice(...layout);
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
 * @returns `parsed`, or undefined when a part is not JSON
 * @example withParts(JSON.parse(cut.rest), cut)?.hosts
 */
export function withParts(
  parsed: Record<string, unknown>,
  cut: LinksCut,
): Record<string, unknown> | undefined {
  try {
    if (cut.hosts !== undefined) parsed.hosts = JSON.parse(cut.hosts);
    if (cut.layout !== undefined) parsed.layout = JSON.parse(cut.layout);
    return parsed;
  } catch {
    return undefined;
  }
}
