import type { FlowList } from '../derive';
import type { FlowPort } from '../flow';
import type { FlowColumnKey } from '../rows';
import { CONTENT_COLUMNS, ColumnsBuilder, type RowChunk } from './columns-builder';
import type { RowTexts } from './row-texts';

/** The hidden column the `pair` grouping uses: the link's two host names, in name order. */
export const PAIR_COLUMN = 'pair';

/** The hidden column the `zonePair` grouping uses: the source and target zones' ids (`zonePairKey`). */
export const ZONE_PAIR_COLUMN = 'zonePair';

/** A column the matrix filters, sorts or groups by: a row column, the host pair or the zone pair. */
export type MatrixColumnId = FlowColumnKey | typeof PAIR_COLUMN | typeof ZONE_PAIR_COLUMN;

/**
 * The host pair's label, as the grouping shows it: both names in `localeCompare` order.
 *
 * @param source - The source host's name.
 * @param target - The target host's name.
 * @returns `a ↔ b`.
 * @example
 * pairLabel('P01-MP01', 'Clients HQ'); // 'Clients HQ ↔ P01-MP01'
 */
export function pairLabel(source: string, target: string): string {
  return [source, target].sort((a, b) => a.localeCompare(b)).join(' ↔ ');
}

/**
 * One column in compact form: each row holds a code, each code one text. Codes number distinct
 * texts (a few role lists, ports and services), or hosts for the host columns, so a filter tests
 * each text once and then scans integers.
 */
export interface CompactColumn {
  /** The code of each row; undefined when a row's code is its index (the rule id). */
  readonly codes: Int32Array | undefined;
  /** The text of each code, as the cell shows it. */
  readonly texts: readonly string[];
  /** The port of each code (the port column only): ports sort by value. */
  readonly ports?: readonly FlowPort[];
}

/** Every column of a matrix in compact form, plus what the justification is made of. */
export interface CompactColumns {
  readonly length: number;
  /** Each row's flow content, and each content's code per column of {@link CONTENT_COLUMNS}. */
  readonly content: Int32Array;
  readonly contentCodes: readonly Int32Array[];
  readonly columns: ReadonlyMap<MatrixColumnId, CompactColumn>;
  /** Justification = source name + middle + target name + tail; middle and tail are few texts. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly hostNames: readonly string[];
  readonly middle: CompactColumn;
  readonly tail: CompactColumn;
  /**
   * Lower-case texts by texts array, made by the first filter that reads them: keystrokes reuse
   * them, and so does the next build for the dictionaries it carries over.
   */
  readonly lowered: WeakMap<readonly string[], string[]>;
  /**
   * The rows the last overall filter of this build matched, by its lower-case text: the matrix and
   * the canvas's highlight ask the same filter of the same build.
   */
  readonly matched: Map<string, Int32Array>;
  /**
   * What the next build (after an edit) reuses: the dictionaries (which keep the codes of the
   * blocks they coded), this build's rows by block, and the columns joined from them so far.
   */
  readonly reuse: {
    readonly builder: ColumnsBuilder;
    readonly chunks: readonly RowChunk[];
    readonly flat: Map<keyof RowChunk, Int32Array>;
  };
}

/** One content column's codes: each row's content's code at `at`. */
function contentColumn(content: Int32Array, all: readonly Int32Array[], at: number): Int32Array {
  const out = new Int32Array(content.length);
  for (let i = 0; i < content.length; i += 1) out[i] = all[content[i]!]![at]!;
  return out;
}

/** The test results in the order of their codes: a fresh array is all `untested`. */
const RESULTS = ['untested', 'verified', 'blocked'] as const;

/**
 * The Verified column, made when a query first reads it: one lookup per row when the document
 * holds test results, else every row untested (a zeroed array) without a lookup.
 */
function verifiedColumn(list: FlowList, texts: RowTexts): CompactColumn {
  let made: Int32Array | undefined;
  return {
    get codes() {
      if (!made) {
        made = new Int32Array(list.length);
        const flows = list.all();
        if (texts.tested) {
          for (let i = 0; i < flows.length; i += 1) made[i] = RESULTS.indexOf(texts.check(flows[i]!));
        }
      }
      return made;
    },
    texts: RESULTS.map((result) => texts.words.checks[result]),
  };
}

/** Joins the blocks' parts of one column into one array, in matrix order. */
function joined(chunks: readonly RowChunk[], n: number, pick: (chunk: RowChunk) => Int32Array): Int32Array {
  const out = new Int32Array(n);
  let at = 0;
  for (const chunk of chunks) {
    out.set(pick(chunk), at);
    at += chunk.source.length;
  }
  return out;
}

/**
 * Builds the compact columns of a matrix, block by block of flows: a few typed arrays per block
 * and a dictionary per column. The rows themselves are never made. Given the last build, a block
 * it coded (the engine's blocks an edit did not touch are the same objects) keeps its codes, so an
 * edit codes only the blocks it changed; host facts are re-read only for replaced host records.
 * The columns a query reads are joined from the blocks when first read, as are a content
 * column's codes and the zone columns (from the hosts' zones as this build saw them).
 *
 * @param list - The derived flows, in matrix order (`flowListOf`, or `writtenList` of a list).
 * @param texts - The document's row texts.
 * @param previous - The last build for this matrix, if any.
 * @returns The columns, with the rule id's texts made for every row.
 * @example
 * const columns = compactColumns(flowListOf(derivation), createRowTexts(document, words));
 * columns.columns.get('protocol')?.texts; // ['TCP', 'UDP']
 */
export function compactColumns(list: FlowList, texts: RowTexts, previous?: CompactColumns): CompactColumns {
  const n = list.length;
  const reused = previous?.reuse.builder.holds(texts) ? previous : undefined;
  const builder = reused?.reuse.builder ?? new ColumnsBuilder(texts.words, texts);
  builder.texts = texts;
  const { hosts, dicts, contents, facts, zones } = builder;
  const chunks = list.blocks().map((block) => builder.chunkOf(block));
  // The same rows as the last build (an edit that changed no flow, a move into a zone): the
  // columns it joined hold, and so do the ones it joins later.
  const last = reused?.reuse;
  const same =
    last !== undefined &&
    last.chunks.length === chunks.length &&
    last.chunks.every((c, i) => c === chunks[i]);
  const flat = same ? last.flat : new Map<keyof RowChunk, Int32Array>();
  const column = (key: keyof RowChunk) => {
    let made = flat.get(key);
    if (!made) {
      made = joined(chunks, n, (chunk) => chunk[key]);
      flat.set(key, made);
    }
    return made;
  };
  // Host facts by host identity; the zone columns follow from the hosts' zones when first read.
  facts.update(hosts.keys, texts, (id) => hosts.get(id));
  const zoneFacts = facts.zoneFacts();
  let zoned: { crossing: Int32Array; pairs: Int32Array } | undefined;
  const zoneCodes = () => {
    zoned ??= zones.code(zoneFacts.codes, column('source'), column('target'));
    return zoned;
  };
  // A content column's codes follow from each row's content: made when a query first reads them.
  const col = (k: (typeof CONTENT_COLUMNS)[number], extra?: Partial<CompactColumn>): CompactColumn => {
    let made: Int32Array | undefined;
    const at = CONTENT_COLUMNS.indexOf(k);
    return {
      get codes() {
        made ??= contentColumn(column('content'), contents.all, at);
        return made;
      },
      texts: dicts[k].texts,
      ...extra,
    };
  };
  const hostColumn = (end: 'source' | 'target', fact: 'name' | 'address' | 'site' | 'zone'): CompactColumn =>
    fact === 'zone'
      ? {
          get codes() {
            return column(end);
          },
          // The zones' names per host, made when a query first reads them (a move copies only codes).
          get texts() {
            return facts.zoneTexts(zoneFacts);
          },
        }
      : {
          get codes() {
            return column(end);
          },
          texts: fact === 'name' ? hosts.texts : facts[fact],
        };
  const zoneColumns = {
    crossing: {
      get codes() {
        return zoneCodes().crossing;
      },
      texts: [texts.words.no, texts.words.yes],
    },
    zonePair: {
      get codes() {
        return zoneCodes().pairs;
      },
      texts: zones.texts,
    },
  };
  const verified = verifiedColumn(list, texts);
  const width = Math.max(4, String(n).length);
  let ids: string[] | undefined;
  // The rule ids' texts, made when a filter first reads them (sorting reads positions).
  const idColumn: CompactColumn = {
    codes: undefined,
    get texts() {
      ids ??= Array.from({ length: n }, (_, i) => `F-${String(i + 1).padStart(width, '0')}`);
      return ids;
    },
  };
  const columns = new Map<MatrixColumnId, CompactColumn>([
    ['id', idColumn],
    ['source', hostColumn('source', 'name')],
    ['sourceAddress', hostColumn('source', 'address')],
    ['sourceSite', hostColumn('source', 'site')],
    ['sourceZone', hostColumn('source', 'zone')],
    ['sourceRoles', col('sourceRoles')],
    ['target', hostColumn('target', 'name')],
    ['targetAddress', hostColumn('target', 'address')],
    ['targetSite', hostColumn('target', 'site')],
    ['targetZone', hostColumn('target', 'zone')],
    ['crossesZone', zoneColumns.crossing],
    ['targetRoles', col('targetRoles')],
    ['protocol', col('protocol')],
    ['port', col('port', { ports: builder.ports })],
    ['service', col('service')],
    ['direction', col('direction')],
    ['configurable', col('configurable')],
    ['notes', col('notes')],
    ['section', col('section')],
    ['verified', verified],
    [
      PAIR_COLUMN,
      {
        get codes() {
          return column('pair');
        },
        get texts() {
          return builder.pairTexts();
        },
      },
    ],
    [ZONE_PAIR_COLUMN, zoneColumns.zonePair],
  ]);
  return {
    length: n,
    get content() {
      return column('content');
    },
    contentCodes: contents.all,
    columns,
    get source() {
      return column('source');
    },
    get target() {
      return column('target');
    },
    hostNames: hosts.texts,
    middle: col('middle'),
    tail: col('tail'),
    lowered: reused?.lowered ?? new WeakMap(),
    matched: new Map(),
    reuse: { builder, chunks, flat },
  };
}
