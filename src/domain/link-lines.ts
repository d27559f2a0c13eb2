/**
 * A document file's links list read straight from its UTF-8 bytes (issue 18), when every link is
 * the plain line the app writes: `{"id":"l1","source":"a","target":"b"}`, three ids and nothing
 * else, one per line. Such a list restores to itself (restore-graph.ts keeps each link as it is)
 * when its ids are new and each link joins two different hosts of the list not joined before; read
 * here, it is never decoded nor parsed into objects: 408,000 links of a 100,000-host file are a
 * few typed arrays and one text of ids. Anything else (another field, an escape, a space, an id
 * restore would rename, a missing host, a self link, a repeat) gives undefined, and the list is
 * read as JSON and restored as before.
 */
import { ByteIds } from './byte-ids';
import { LINK_ID_PREFIX } from './document';
import type { HostTable } from './host-table';
import { bytesOf, idLength, LINE_BREAK, startsAt } from './json-bytes';
import { MAX_ITEMS } from './limits';
import { hasRepeatedPair, NumberedIdSet, numberInBytes } from './pair-set';

const OPEN = bytesOf('[\n');
const ITEM = bytesOf('    {"id":"');
const SOURCE = bytesOf('","source":"');
const TARGET = bytesOf('","target":"');
const CLOSE_ITEM = bytesOf('"}');
const BETWEEN = bytesOf(',\n');
const CLOSE = bytesOf('\n  ]');

/** The plain links of a list, read from the bytes: their ids, and their ends' ids numbered. */
export interface LinkLines {
  readonly count: number;
  /** The link ids, one per line, in the list's order. */
  readonly ids: string;
  /** The distinct ids of the links' ends. */
  readonly names: ByteIds;
  /** Link i's source is id `ends[2i]` of `names`, its target `ends[2i + 1]`. */
  readonly ends: Int32Array;
}

/**
 * Reads `key` and the id after it at `i`, and notes the id's number among `names` at
 * `ends[slot]`; returns where the id's closing quote is, or -1.
 */
function end(bytes: Uint8Array, i: number, key: Uint8Array, names: ByteIds, ends: Int32Array, slot: number) {
  if (!startsAt(bytes, i, key)) return -1;
  const start = i + key.length;
  const length = idLength(bytes, start);
  if (length < 0) return -1;
  const n = names.number(bytes, start, length);
  if (n < 0) return -1;
  ends[slot] = n;
  return start + length;
}

/** Copies `length` bytes from `at` and then `last` into `out` at `to`, grown when full; returns `out`. */
function copyInto(out: Uint8Array, to: number, bytes: Uint8Array, at: number, length: number, last: number) {
  let into = out;
  if (to + length + 1 > into.length) {
    into = new Uint8Array(Math.max(out.length * 2, to + length + 1));
    into.set(out.subarray(0, to));
  }
  for (let k = 0; k < length; k += 1) into[to + k] = bytes[at + k] as number;
  into[to + length] = last;
  return into;
}

/** Fewest bytes a plain link's line takes, `    {"id":"l","source":"a","target":"b"}` and `,\n`. */
const LEAST_LINE = 42;

/**
 * Reads the links list between `from` and `to`, when it is written as the app writes a list of
 * plain links (see the module's comment) with ids that are all new, each joining two different
 * ends that no link before joins (the ends are told apart by their ids' bytes; whether they are
 * hosts is for {@link placeLinkLines}).
 *
 * @param bytes - the file's bytes
 * @param from - where the list's `[` is
 * @param to - just after its `]`
 * @returns the links' ids and their ends' ids numbered, or undefined
 * @example
 * const bytes = new TextEncoder().encode('[\n    {"id":"l1","source":"a","target":"b"}\n  ]');
 * scanLinkLines(bytes, 0, bytes.length)?.ids // 'l1'
 */
export function scanLinkLines(bytes: Uint8Array, from: number, to: number): LinkLines | undefined {
  if (!startsAt(bytes, from, OPEN) || to > bytes.length) return undefined;
  const taken = new NumberedIdSet(LINK_ID_PREFIX, (to - from) / LEAST_LINE);
  let ids: Uint8Array = new Uint8Array(1 << 16);
  let idBytes = 0;
  // Room for as many links as the bytes can hold: the pages of what is never filled are never touched.
  const ends = new Int32Array(2 * Math.ceil((to - from) / LEAST_LINE));
  const names = new ByteIds();
  let count = 0;
  let i = from + OPEN.length;
  for (;;) {
    if (count >= MAX_ITEMS || !startsAt(bytes, i, ITEM)) return undefined;
    i += ITEM.length;
    const length = idLength(bytes, i);
    if (length < 0) return undefined;
    const n = numberInBytes(bytes, i, length, LINK_ID_PREFIX);
    const fresh =
      n >= 0 ? taken.addNumber(n) : taken.add(String.fromCharCode(...bytes.subarray(i, i + length)));
    if (!fresh) return undefined;
    ids = copyInto(ids, idBytes, bytes, i, length, LINE_BREAK);
    idBytes += length + 1;
    i += length;
    if (2 * count + 2 > ends.length) return undefined;
    i = end(bytes, i, SOURCE, names, ends, 2 * count);
    if (i >= 0) i = end(bytes, i, TARGET, names, ends, 2 * count + 1);
    if (i < 0 || !startsAt(bytes, i, CLOSE_ITEM)) return undefined;
    // A self link: restore reports it.
    if (ends[2 * count] === ends[2 * count + 1]) return undefined;
    i += CLOSE_ITEM.length;
    count += 1;
    if (startsAt(bytes, i, BETWEEN)) {
      i += BETWEEN.length;
      continue;
    }
    if (!startsAt(bytes, i, CLOSE) || i + CLOSE.length !== to) return undefined;
    // A pair joined before (either way round): restore reports it.
    const numbered = ends.subarray(0, 2 * count);
    if (hasRepeatedPair(numbered, names.count)) return undefined;
    const text = new TextDecoder().decode(ids.subarray(0, idBytes - 1));
    return { count, ids: text, names, ends: numbered };
  }
}

/**
 * The places of the links' ends in the host list, when every end is a host of it: then restore
 * keeps every link as it is ({@link scanLinkLines} saw that each link joins two different ends
 * that no link before joins, and different ids are different hosts). Each distinct end is looked
 * up once.
 *
 * @param lines - what {@link scanLinkLines} read of a file's bytes
 * @param table - the hosts' places by their ids
 * @returns the source of link i as `ends[2i]`, its target as `ends[2i + 1]`, or undefined
 * @example placeLinkLines(lines, HostTable.of('a\nb')!) // Int32Array [0, 1]
 */
export function placeLinkLines(lines: LinkLines, table: HostTable): Int32Array | undefined {
  const { names } = lines;
  const { text } = names;
  const places = new Int32Array(names.count);
  for (let n = 0; n < names.count; n += 1) {
    const place = table.find(text, names.starts[n] as number, names.lengths[n] as number);
    if (place < 0) return undefined;
    places[n] = place;
  }
  const ends = new Int32Array(2 * lines.count);
  for (let i = 0; i < ends.length; i += 1) ends[i] = places[lines.ends[i] as number] as number;
  return ends;
}
