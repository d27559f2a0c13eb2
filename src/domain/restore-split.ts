/**
 * A document's text cut in two for reading on two threads (issue 18): its top-level links list,
 * more than half of a large estate's file, and the rest with a one-string list in its place. The
 * cut is found where `serializeDocument` writes the list (a line break can only lie between
 * JSON values, never inside a string); whether it was the top-level list shows once the rest is
 * parsed: the mark, a string the file cannot know, must be its `links`.
 */
import { isObject, own } from './restore-values';

/** Where serializeDocument opens and closes the top-level links list (two spaces in, one per line). */
const OPEN = '\n  "links": [';
const CLOSE = '\n  ]';

/** The two parts: the text with `[mark]` for its links list, and the list's text. */
export interface LinksCut {
  readonly rest: string;
  readonly links: string;
}

/**
 * Cuts the links list out of a document's text.
 *
 * @param text - the document's text as serializeDocument writes it (anything else gives undefined
 *   or a cut that {@link holdsMark} or parsing the list turns down)
 * @param mark - a string the text cannot contain, put in place of the list
 * @returns the parts, or undefined when the text has no list laid out that way
 * @example
 * cutLinks('{\n  "links": [\n    {"id":"l1"}\n  ]\n}', 'm')
 * // { rest: '{\n  "links": ["m"]\n}', links: '[\n    {"id":"l1"}\n  ]' }
 */
export function cutLinks(text: string, mark: string): LinksCut | undefined {
  const at = text.indexOf(OPEN);
  if (at < 0) return undefined;
  const start = at + OPEN.length - 1;
  const close = text.indexOf(CLOSE, start);
  if (close < 0) return undefined;
  const end = close + CLOSE.length;
  return {
    rest: `${text.slice(0, start)}[${JSON.stringify(mark)}]${text.slice(end)}`,
    links: text.slice(start, end),
  };
}

/**
 * Whether the parsed rest holds the mark as its links list: then the cut was the top-level list
 * (the one `JSON.parse` of the whole text keeps), and the list's text is its value.
 *
 * @param parsed - what `JSON.parse` made of {@link LinksCut.rest}
 * @param mark - the mark the cut put in
 * @returns true when `parsed.links` is exactly `[mark]`
 * @example holdsMark({ links: ['m'] }, 'm') // true
 */
export function holdsMark(parsed: unknown, mark: string): boolean {
  if (!isObject(parsed)) return false;
  const links = own(parsed, 'links');
  return Array.isArray(links) && links.length === 1 && links[0] === mark;
}
