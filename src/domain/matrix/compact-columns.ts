import type { Flow, FlowPort } from '../flow';
import type { FlowColumnKey } from '../rows';
import { CONTENT_COLUMNS, ColumnsBuilder } from './columns-builder';
import type { RowTexts } from './row-texts';
import { zoneColumns } from './zone-columns';

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

/** The test results in the order of their codes: a fresh array is all `untested`. */
const RESULTS = ['untested', 'verified', 'blocked'] as const;

/**
 * The Verified column: one lookup per row when the document holds test results, else every row
 * untested (a zeroed array) without a lookup.
 */
function verifiedColumn(flows: readonly Flow[], texts: RowTexts): CompactColumn {
  const codes = new Int32Array(flows.length);
  if (texts.tested) {
    for (let i = 0; i < flows.length; i += 1) codes[i] = RESULTS.indexOf(texts.check(flows[i]!));
  }
  return { codes, texts: RESULTS.map((result) => texts.words.checks[result]) };
}

/**
 * Builds the compact columns of a matrix: one pass over the flows, a few typed arrays, and a
 * dictionary per column. The rows themselves are never made. Given the last build, the rows at
 * the start and the end whose flows are the same objects (an edit re-derives only what it
 * touched) are copied, and only the rows between are coded.
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
  const { hosts, dicts, contents } = builder;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const content = new Int32Array(n);
  const codes = Object.fromEntries(Object.keys(dicts).map((k) => [k, new Int32Array(n)])) as Record<
    keyof typeof dicts,
    Int32Array
  >;
  // Rows shared with the last build: the same flow objects at the start and at the end.
  let head = 0;
  let tail = 0;
  if (reused) {
    const old = reused.reuse.flows;
    const m = old.length;
    while (head < n && head < m && flows[head] === old[head]) head += 1;
    while (tail < n - head && tail < m - head && flows[n - 1 - tail] === old[m - 1 - tail]) tail += 1;
    const copy = (to: Int32Array, from: Int32Array) => {
      to.set(from.subarray(0, head), 0);
      to.set(from.subarray(m - tail, m), n - tail);
    };
    copy(source, reused.source);
    copy(target, reused.target);
    copy(content, reused.content);
    for (const k of Object.keys(codes) as (keyof typeof dicts)[]) {
      const from =
        k === 'middle' || k === 'tail'
          ? reused[k].codes
          : reused.columns.get(k === 'pair' ? PAIR_COLUMN : k)?.codes;
      copy(codes[k], from!);
    }
  }
  const columnCodes = CONTENT_COLUMNS.map((k) => codes[k]);
  let lastA: string | undefined;
  let lastB: string | undefined;
  let s = 0;
  let t = 0;
  let pc = 0;
  for (let i = head; i < n - tail; i += 1) {
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
    codes.pair[i] = pc;
    const ci = contents.index(f);
    content[i] = ci;
    const c = contents.all[ci]!;
    for (let k = 0; k < c.length; k += 1) columnCodes[k]![i] = c[k]!;
  }
  const col = (k: keyof typeof dicts, extra?: Partial<CompactColumn>): CompactColumn => ({
    codes: codes[k],
    texts: dicts[k].texts,
    ...extra,
  });
  // Addresses, sites and zones come from this document (an edit may change them); names are held.
  const hostColumn = (codes: Int32Array, fact: 'name' | 'address' | 'site' | 'zone'): CompactColumn => ({
    codes,
    texts: fact === 'name' ? hosts.texts : hosts.keys.map((id) => texts.host(id)[fact]),
  });
  const zones = zoneColumns(source, target, hosts.keys, texts);
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
    ['crossesZone', zones.crossing],
    ['targetRoles', col('targetRoles')],
    ['protocol', col('protocol')],
    ['port', col('port', { ports: builder.ports })],
    ['service', col('service')],
    ['direction', col('direction')],
    ['configurable', col('configurable')],
    ['notes', col('notes')],
    ['section', col('section')],
    ['verified', verified],
    [PAIR_COLUMN, col('pair')],
    [ZONE_PAIR_COLUMN, zones.zonePair],
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
