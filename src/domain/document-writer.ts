/**
 * A writer of one document's saved text over and over (the autosave's): the text
 * {@link documentText} gives, from what it kept of the last one. The store never changes a host,
 * link, zone or position in place (an edit makes a new object), so an entry object seen before has
 * the same line, and after one edit of a 10,000-host estate only the changed entries are written
 * again.
 *
 * The writer also cuts the text into parts whose names follow from their content (document-parts
 * below): where the text is stored in parts, an edit stores again only the parts it changed. A part
 * ends after an entry whose line's hash ends in enough zero bits, so a host added or removed moves
 * no cut but its own, and the parts before and after it keep their names.
 */

import { block, plainObject } from './document-text';
import { hashPair } from './stable-hash';

/** One part of the text: its name (a hash of its content and its length), length and text. */
export interface DocumentPart {
  readonly id: string;
  readonly chars: number;
  /** The part's text, made when asked (a part already stored is never made). */
  readonly text: () => string;
}

/** The text in parts: joined in order, they are the document's text. */
export interface DocumentParts {
  readonly chars: number;
  readonly parts: readonly DocumentPart[];
}

/** Writes the saved text of documents whose entries are never changed in place. */
export interface DocumentWriter {
  /** The document's text: exactly what `documentText(document)` gives. */
  text(document: Readonly<Record<string, unknown>>): string;
  /**
   * The same text in parts of about `perPart` entries on average (a power of two; 256 by default).
   */
  parts(document: Readonly<Record<string, unknown>>, perPart?: number): DocumentParts;
  /**
   * Makes the lines of the document's entries (hosts, links, zones, positions) ahead of `text` or
   * `parts`, while `more()` says so, going on where the last call stopped when the list or map
   * there is the same object.
   *
   * @returns True once every entry's line is made.
   */
  warm(document: Readonly<Record<string, unknown>>, more: () => boolean): boolean;
}

/** An entry's line and its two hashes; for a map entry, the key it was made under. */
interface Line {
  readonly key?: string;
  readonly text: string;
  readonly h1: number;
  readonly h2: number;
}

/** A piece of text and its two hashes (64 bits to name a part by). */
function lineOf(text: string, key?: string): Line {
  const [h1, h2] = hashPair(text);
  return key === undefined ? { text, h1, h2 } : { key, text, h1, h2 };
}

const BETWEEN = lineOf(',\n    ');
const CLOSE_LIST = lineOf('\n  ]');
const CLOSE_MAP = lineOf('\n  }');

/** Takes the document's text piece by piece, in order; `entry` where a part may end after it. */
type Sink = (line: Line, entry: boolean) => void;

/** Folds a piece's hash into a part's: order matters, as it does in the text. */
const fold = (hash: number, piece: number, salt: number) => {
  const mixed = Math.imul((hash ^ piece) >>> 0, salt);
  return (mixed ^ (mixed >>> 16)) >>> 0;
};

const hex = (n: number) => n.toString(16).padStart(8, '0');

/**
 * Cuts the pieces into parts as they come: after an entry whose hash has no bit of `mask` set. Each
 * part keeps its own few hundred pieces (small lists: no large list of all the pieces to allocate).
 */
class PartCutter {
  readonly parts: DocumentPart[] = [];
  chars = 0;
  private lines: Line[] = [];
  private a = 0x9e3779b9;
  private b = 0x7f4a7c15;
  private partChars = 0;

  constructor(private readonly mask: number) {}

  readonly add: Sink = (line, entry) => {
    this.lines.push(line);
    this.a = fold(this.a, line.h1, 0x85ebca6b);
    this.b = fold(this.b, line.h2, 0xc2b2ae35);
    this.partChars += line.text.length;
    if (entry && (line.h1 & this.mask) === 0) this.close();
  };

  /** Ends the part being made (the last one: after the closing piece). */
  close(): void {
    const lines = this.lines;
    this.parts.push({
      id: `${hex(this.a)}${hex(this.b)}-${this.partChars.toString(36)}`,
      chars: this.partChars,
      text: () => lines.map((line) => line.text).join(''),
    });
    this.chars += this.partChars;
    this.lines = [];
    this.a = 0x9e3779b9;
    this.b = 0x7f4a7c15;
    this.partChars = 0;
  }
}

/** Entries `warm` makes between two asks whether to go on. */
const PER_ASK = 128;

/**
 * A writer that keeps, for one document as it changes, each entry's line. What it keeps goes with
 * it: make one per autosave, not one for all.
 *
 * @example
 * const writer = createDocumentWriter();
 * writer.text(doc) === documentText(doc); // true, and much quicker after an edit
 */
export function createDocumentWriter(): DocumentWriter {
  const listLines = new WeakMap<object, Line>();
  const mapLines = new WeakMap<object, Line>();

  /** A list entry's line as JSON writes it (`null` for what JSON leaves out); kept for objects. */
  const listLine = (entry: unknown): Line => {
    const kept = typeof entry === 'object' && entry !== null ? listLines.get(entry) : undefined;
    if (kept !== undefined) return kept;
    const line = lineOf(JSON.stringify(entry) ?? 'null');
    if (plainObject(entry)) listLines.set(entry, line);
    return line;
  };

  /** A map entry's line, `"key":value`; undefined for a value JSON leaves out. */
  const mapLine = (key: string, value: unknown): Line | undefined => {
    const kept = typeof value === 'object' && value !== null ? mapLines.get(value) : undefined;
    if (kept?.key === key) return kept;
    const text = JSON.stringify(value);
    if (text === undefined) return undefined;
    const line = lineOf(`${JSON.stringify(key)}:${text}`, key);
    if (plainObject(value)) mapLines.set(value, line);
    return line;
  };

  /**
   * The field's pieces after `head` (which opens the field): the entries of a list or map one per
   * line, anything else as its block. False, and nothing added, for a value JSON leaves out.
   */
  const field = (add: Sink, head: string, value: unknown): boolean => {
    if (Array.isArray(value) && value.length > 0) {
      add(lineOf(`${head}[\n    `), false);
      value.forEach((entry, i) => {
        if (i > 0) add(BETWEEN, false);
        add(listLine(entry), true);
      });
      add(CLOSE_LIST, false);
      return true;
    }
    if (plainObject(value)) {
      let opened = false;
      for (const key of Object.keys(value)) {
        const line = mapLine(key, value[key]);
        if (line === undefined) continue;
        add(opened ? BETWEEN : lineOf(`${head}{\n    `), false);
        add(line, true);
        opened = true;
      }
      add(opened ? CLOSE_MAP : lineOf(`${head}{}`), false);
      return true;
    }
    const text = block(value);
    if (text === undefined) return false;
    add(lineOf(`${head}${text}`), false);
    return true;
  };

  /** Gives the document's text to `add`, piece by piece. */
  const write = (document: Readonly<Record<string, unknown>>, add: Sink): void => {
    let first = true;
    for (const key of Object.keys(document)) {
      if (field(add, `${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `, document[key])) first = false;
    }
    add(lineOf(first ? '{}\n' : '\n}\n'), false);
  };

  /** Where `warm` stopped: a list or map of the document, and the place in it. */
  let stop: { readonly value: object; readonly at: number } | undefined;
  /** Lists and maps whose every entry's line `warm` made (they never change: the store replaces them). */
  const warmed = new WeakSet<object>();
  const warmEntries = <T>(
    value: object,
    entries: readonly T[],
    make: (entry: T) => unknown,
    more: () => boolean,
  ) => {
    for (let i = stop?.value === value ? stop.at : 0; i < entries.length; i += 1) {
      make(entries[i] as T);
      if (i % PER_ASK === PER_ASK - 1 && !more()) {
        stop = { value, at: i + 1 };
        return false;
      }
    }
    warmed.add(value);
    return true;
  };

  return {
    warm(document, more) {
      for (const key of Object.keys(document)) {
        const value = document[key];
        if (typeof value === 'object' && value !== null && warmed.has(value)) continue;
        const done = Array.isArray(value)
          ? warmEntries(value, value, listLine, more)
          : !plainObject(value) || warmEntries(value, Object.keys(value), (k) => mapLine(k, value[k]), more);
        if (!done) return false;
      }
      stop = undefined;
      return true;
    },
    text(document) {
      let text = '';
      write(document, (line) => {
        text += line.text;
      });
      return text;
    },
    parts(document, perPart = 256) {
      const cutter = new PartCutter(perPart - 1);
      write(document, cutter.add);
      cutter.close();
      return { chars: cutter.chars, parts: cutter.parts };
    },
  };
}
