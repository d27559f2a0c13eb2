import type { Flow, FlowPort } from '../flow';
import type { FlowColumnKey } from '../rows';
import { CONTENT_COLUMNS, ColumnsBuilder } from './columns-builder';
import { keptRuns } from './kept-runs';
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
  /** What the next build (after an edit) reuses: these flows and the dictionaries that coded them. */
  readonly reuse: { readonly flows: readonly Flow[]; readonly builder: ColumnsBuilder };
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
function verifiedColumn(flows: readonly Flow[], texts: RowTexts): CompactColumn {
  let made: Int32Array | undefined;
  return {
    get codes() {
      if (!made) {
        made = new Int32Array(flows.length);
        if (texts.tested) {
          for (let i = 0; i < flows.length; i += 1) made[i] = RESULTS.indexOf(texts.check(flows[i]!));
        }
      }
      return made;
    },
    texts: RESULTS.map((result) => texts.words.checks[result]),
  };
}

/**
 * Builds the compact columns of a matrix: one pass over the flows, a few typed arrays, and a
 * dictionary per column. The rows themselves are never made, and a content column's codes (and
 * the zone columns', from the hosts' zones as this build saw them) are made only when a query
 * reads them. Given the last build, the runs of rows whose flows are the same objects (an edit
 * re-derives only the links it touched) are copied whole, and only the rows between them are
 * coded; host facts are re-read only for replaced host records.
 *
 * @param flows - The derived flows, in matrix order.
 * @param texts - The document's row texts.
 * @param previous - The last build for this matrix, if any.
 * @returns The columns, with the rule id's texts made for every row.
 * @example
 * const columns = compactColumns(flows, createRowTexts(document, words));
 * columns.columns.get('protocol')?.texts; // ['TCP', 'UDP']
 */
export function compactColumns(
  flows: readonly Flow[],
  texts: RowTexts,
  previous?: CompactColumns,
): CompactColumns {
  const n = flows.length;
  const reused = previous?.reuse.builder.holds(texts) ? previous : undefined;
  const builder = reused?.reuse.builder ?? new ColumnsBuilder(texts.words, texts);
  builder.texts = texts;
  const { hosts, dicts, contents, facts, zones } = builder;
  // The very flows of the last build (an edit the engine had nothing to re-derive for): its
  // rows' codes hold, and its arrays are shared (no build writes them after it is made).
  const same = reused?.reuse.flows === flows;
  const source = same ? reused.source : new Int32Array(n);
  const target = same ? reused.target : new Int32Array(n);
  const content = same ? reused.content : new Int32Array(n);
  const pairCodes = same ? reused.columns.get(PAIR_COLUMN)!.codes! : new Int32Array(n);
  // Rows kept from the last build (the same flow objects) are copied in runs; the rest are coded.
  const gaps: number[] = [];
  let at = same ? n : 0;
  if (reused && !same) {
    const pairs: [Int32Array, Int32Array][] = [
      [source, reused.source],
      [target, reused.target],
      [content, reused.content],
      [pairCodes, reused.columns.get(PAIR_COLUMN)!.codes!],
    ];
    const runs = keptRuns(flows, reused.reuse.flows);
    for (let r = 0; r < runs.length; r += 3) {
      const [to, from, length] = [runs[r]!, runs[r + 1]!, runs[r + 2]!];
      if (to > at) gaps.push(at, to);
      for (const [into, old] of pairs) into.set(old.subarray(from, from + length), to);
      at = to + length;
    }
  }
  if (n > at) gaps.push(at, n);
  for (let g = 0; g < gaps.length; g += 2) {
    let lastA: string | undefined;
    let lastB: string | undefined;
    let s = 0;
    let t = 0;
    let pc = 0;
    for (let i = gaps[g]!; i < gaps[g + 1]!; i += 1) {
      const f = flows[i]!;
      // Flows come by initiator, then responder: most rows repeat the last row's hosts and pair.
      const a = f.initiator;
      const b = f.responder;
      const moved = a !== lastA || b !== lastB;
      if (a !== lastA) {
        lastA = a;
        s = builder.host(a);
      }
      if (b !== lastB) {
        lastB = b;
        t = builder.host(b);
      }
      if (moved) pc = builder.pair(s, t);
      source[i] = s;
      target[i] = t;
      pairCodes[i] = pc;
      content[i] = contents.index(f);
    }
  }
  // Host facts by host identity; the zone columns follow from the hosts' zones when first read.
  facts.update(hosts.keys, texts, (id) => hosts.get(id));
  const zoneFacts = facts.zoneFacts();
  let zoned: { crossing: Int32Array; pairs: Int32Array } | undefined;
  const zoneCodes = () => {
    zoned ??= zones.code(zoneFacts.codes, source, target);
    return zoned;
  };
  // A content column's codes follow from each row's content: made when a query first reads them.
  const col = (k: (typeof CONTENT_COLUMNS)[number], extra?: Partial<CompactColumn>): CompactColumn => {
    let made: Int32Array | undefined;
    const at = CONTENT_COLUMNS.indexOf(k);
    return {
      get codes() {
        made ??= contentColumn(content, contents.all, at);
        return made;
      },
      texts: dicts[k].texts,
      ...extra,
    };
  };
  const hostColumn = (codes: Int32Array, fact: 'name' | 'address' | 'site' | 'zone'): CompactColumn =>
    fact === 'zone'
      ? {
          codes,
          // The zones' names per host, made when a query first reads them (a move copies only codes).
          get texts() {
            return facts.zoneTexts(zoneFacts);
          },
        }
      : { codes, texts: fact === 'name' ? hosts.texts : facts[fact] };
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
  const verified = verifiedColumn(flows, texts);
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
    ['source', hostColumn(source, 'name')],
    ['sourceAddress', hostColumn(source, 'address')],
    ['sourceSite', hostColumn(source, 'site')],
    ['sourceZone', hostColumn(source, 'zone')],
    ['sourceRoles', col('sourceRoles')],
    ['target', hostColumn(target, 'name')],
    ['targetAddress', hostColumn(target, 'address')],
    ['targetSite', hostColumn(target, 'site')],
    ['targetZone', hostColumn(target, 'zone')],
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
        codes: pairCodes,
        get texts() {
          return builder.pairTexts();
        },
      },
    ],
    [ZONE_PAIR_COLUMN, zoneColumns.zonePair],
  ]);
  return {
    length: n,
    content,
    contentCodes: contents.all,
    columns,
    source,
    target,
    hostNames: hosts.texts,
    middle: col('middle'),
    tail: col('tail'),
    lowered: reused?.lowered ?? new WeakMap(),
    reuse: { flows, builder },
  };
}
