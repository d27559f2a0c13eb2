import { comparePorts } from '../flow';
import { CONTENT_COLUMNS } from './columns-builder';
import { type CompactColumn, type CompactColumns, type MatrixColumnId, PAIR_COLUMN } from './compact-columns';
import { joinedIncludes, STRADDLE_MAX, straddleMasks } from './straddle';
import { CROSSES } from './zone-columns';

/** What the matrix shows: an overall filter, per-column filters, a sort and a grouping. */
export interface MatrixQuery {
  /** Rows whose some cell contains it (case-insensitive); '' for none. */
  readonly global: string;
  /** Rows whose cell in that column contains the value (case-insensitive). */
  readonly columns: readonly { readonly id: MatrixColumnId; readonly value: string }[];
  /** Sort keys, first decides; ties keep matrix order. */
  readonly sorting?: readonly { readonly id: MatrixColumnId; readonly desc: boolean }[];
  /** Group rows by this column's text (groups in order of their first row). */
  readonly groupBy?: MatrixColumnId;
  /** Show only the rows that cross a zone boundary (hide flows inside one zone). */
  readonly onlyCrossing?: boolean;
}

/** A group of rows: its column's text, and where its rows are in `MatrixView.order`. */
export interface MatrixGroup {
  /** `column:text`, stable while the text is the same (for remembering which groups are closed). */
  readonly id: string;
  readonly label: string;
  readonly start: number;
  readonly count: number;
}

/** The rows a query shows, as matrix positions (never as rows). */
export interface MatrixView {
  /** Positions of the matching rows, sorted; grouped, each group's rows one after the other. */
  readonly order: Int32Array;
  /** The groups in order, when grouped. */
  readonly groups?: readonly MatrixGroup[];
}

function lowerTexts(columns: CompactColumns, column: CompactColumn): readonly string[] {
  const texts = column.texts;
  let lower = columns.lowered.get(texts);
  if (!lower) {
    lower = [];
    columns.lowered.set(texts, lower);
  }
  // Dictionaries only grow (an edit adds texts): lower the new ones.
  for (let c = lower.length; c < texts.length; c += 1) lower.push(texts[c]!.toLowerCase());
  return lower;
}

/** Which codes' texts contain the needle. */
function hits(columns: CompactColumns, column: CompactColumn, needle: string): Uint8Array {
  const texts = lowerTexts(columns, column);
  const out = new Uint8Array(texts.length);
  for (let c = 0; c < texts.length; c += 1) out[c] = texts[c]!.includes(needle) ? 1 : 0;
  return out;
}

/** A test of one row against one needle, built once per needle. */
type RowTest = (i: number) => boolean;

function columnTest(columns: CompactColumns, id: MatrixColumnId | 'justification', needle: string): RowTest {
  if (id === 'justification') return justificationTest(columns, needle);
  const column = columns.columns.get(id);
  if (!column) return () => false;
  const h = hits(columns, column, needle);
  const codes = column.codes;
  return codes ? (i) => h[codes[i]!] === 1 : (i) => h[i] === 1;
}

/**
 * Justification text is source name + middle + target name + tail, each part one of few texts:
 * a needle inside one part is found per distinct text; one that crosses parts by the parts'
 * straddle masks (a few integers per row), never by joining the texts.
 */
function justificationTest(columns: CompactColumns, needle: string): RowTest {
  const names = lowerTexts(columns, columns.columns.get('source')!);
  const nameHit = Uint8Array.from(names, (t) => (t.includes(needle) ? 1 : 0));
  const middleHit = hits(columns, columns.middle, needle);
  const tailHit = hits(columns, columns.tail, needle);
  const { source, target } = columns;
  const m = columns.middle.codes!;
  const t = columns.tail.codes!;
  const inPart: RowTest = (i) =>
    nameHit[source[i]!] === 1 || nameHit[target[i]!] === 1 || middleHit[m[i]!] === 1 || tailHit[t[i]!] === 1;
  if (needle.length < 2) return inPart;
  if (needle.length > STRADDLE_MAX) {
    const middles = lowerTexts(columns, columns.middle);
    const tails = lowerTexts(columns, columns.tail);
    return (i) =>
      inPart(i) ||
      (names[source[i]!]! + middles[m[i]!]! + names[target[i]!]! + tails[t[i]!]!).includes(needle);
  }
  const nameMasks = straddleMasks(names, needle);
  const masks = [
    nameMasks,
    straddleMasks(lowerTexts(columns, columns.middle), needle),
    nameMasks,
    straddleMasks(lowerTexts(columns, columns.tail), needle),
  ];
  const codes = [0, 0, 0, 0];
  return (i) => {
    if (inPart(i)) return true;
    codes[0] = source[i]!;
    codes[1] = m[i]!;
    codes[2] = target[i]!;
    codes[3] = t[i]!;
    return joinedIncludes(masks, codes);
  };
}

/**
 * Any cell of a row contains the needle: hosts (name, address, site, zone) and flow contents are
 * tested once each, so a row costs a few lookups.
 */
function anyCellTest(columns: CompactColumns, needle: string): RowTest {
  const hostHit = new Uint8Array(columns.hostNames.length);
  for (const id of ['source', 'sourceAddress', 'sourceSite', 'sourceZone'] as const) {
    const h = hits(columns, columns.columns.get(id)!, needle);
    for (let c = 0; c < h.length; c += 1) hostHit[c]! |= h[c]!;
  }
  const perColumn = CONTENT_COLUMNS.map((id) =>
    id === 'middle' || id === 'tail' ? undefined : hits(columns, columns.columns.get(id)!, needle),
  );
  const contentHit = Uint8Array.from(columns.contentCodes, (codes) =>
    perColumn.some((h, k) => h !== undefined && h[codes[k]!] === 1) ? 1 : 0,
  );
  const pair = columnTest(columns, PAIR_COLUMN, needle);
  const crossing = columnTest(columns, 'crossesZone', needle);
  const verified = columnTest(columns, 'verified', needle);
  // Rule ids are `f-` and digits (lower case): other needles need not make their texts.
  const id = /^[f0-9-]+$/.test(needle) ? columnTest(columns, 'id', needle) : () => false;
  const justification = justificationTest(columns, needle);
  const { source, target, content } = columns;
  return (i) =>
    hostHit[source[i]!] === 1 ||
    hostHit[target[i]!] === 1 ||
    contentHit[content[i]!] === 1 ||
    pair(i) ||
    crossing(i) ||
    verified(i) ||
    id(i) ||
    justification(i);
}

/** The rows passing every filter, in matrix order. */
function filtered(columns: CompactColumns, query: MatrixQuery): Int32Array {
  const tests: RowTest[] = [];
  if (query.onlyCrossing) {
    const crossing = columns.columns.get('crossesZone')!.codes!;
    tests.push((i) => crossing[i] === CROSSES);
  }
  for (const { id, value } of query.columns) {
    const needle = value.trim().toLowerCase();
    if (needle !== '') tests.push(columnTest(columns, id, needle));
  }
  const global = query.global.trim().toLowerCase();
  const base = query.global !== '' && global !== '' ? globalRows(columns, global) : undefined;
  if (base && tests.length === 0) return base;
  const size = base ? base.length : columns.length;
  const out = new Int32Array(size);
  let n = 0;
  const [first, second] = tests;
  for (let k = 0; k < size; k += 1) {
    const i = base ? base[k]! : k;
    if (tests.length <= 2 ? (!first || first(i)) && (!second || second(i)) : tests.every((test) => test(i)))
      out[n++] = i;
  }
  return out.subarray(0, n);
}

/**
 * The rows whose some cell contains `needle` (lower case), in matrix order: scanned once per build
 * and needle (the matrix and the highlight ask alike), the last needle kept. Shared: not to be changed.
 */
function globalRows(columns: CompactColumns, needle: string): Int32Array {
  const kept = columns.matched.get(needle);
  if (kept) return kept;
  const test = anyCellTest(columns, needle);
  const out = new Int32Array(columns.length);
  let n = 0;
  for (let i = 0; i < columns.length; i += 1) if (test(i)) out[n++] = i;
  const rows = out.subarray(0, n);
  columns.matched.clear();
  columns.matched.set(needle, rows);
  return rows;
}

/** A row's rank per sort key, smaller first; justification ranks rows by their joined text. */
function rankOfRows(columns: CompactColumns, id: MatrixColumnId | 'justification'): (i: number) => number {
  if (id === 'id') return (i) => i;
  if (id === 'justification') {
    const texts = Array.from(
      { length: columns.length },
      (_, i) =>
        columns.hostNames[columns.source[i]!]! +
        columns.middle.texts[columns.middle.codes![i]!]! +
        columns.hostNames[columns.target[i]!]! +
        columns.tail.texts[columns.tail.codes![i]!]!,
    );
    const rank = rankCodes({ codes: undefined, texts });
    return (i) => rank[i]!;
  }
  const column = columns.columns.get(id);
  if (!column?.codes) return () => 0;
  const rank = rankCodes(column);
  const codes = column.codes;
  return (i) => rank[codes[i]!]!;
}

/**
 * Filters, sorts and groups the matrix on its compact columns: the same rows in the same order as
 * filtering and sorting the made rows by their cell texts (ports by value), without making them.
 *
 * @param columns - The matrix's compact columns (`RowSource.columns()`).
 * @param query - Filters, sort keys and grouping.
 * @returns The positions of the rows to show, and the groups.
 * @example
 * const view = queryMatrix(source.columns(), { global: 'p01-dp01', columns: [] });
 * view.order.length; // rows that mention P01-DP01
 */
export function queryMatrix(columns: CompactColumns, query: MatrixQuery): MatrixView {
  const rows = filtered(columns, query);
  const keys = (query.sorting ?? []).map((s) => ({ rank: rankOfRows(columns, s.id), sign: s.desc ? -1 : 1 }));
  const compare = (a: number, b: number) => {
    for (const { rank, sign } of keys) {
      const d = rank(a) - rank(b);
      if (d !== 0) return d * sign;
    }
    return a - b;
  };
  const group = query.groupBy === undefined ? undefined : columns.columns.get(query.groupBy);
  if (!group?.codes) {
    return { order: keys.length > 0 ? Int32Array.from(rows).sort(compare) : rows };
  }
  // Groups in order of their first row; a group sorts as its first row does.
  const codes = group.codes;
  const members = new Map<number, number[]>();
  for (const i of rows) {
    const list = members.get(codes[i]!);
    if (list) list.push(i);
    else members.set(codes[i]!, [i]);
  }
  const lists = [...members.values()];
  if (keys.length > 0) {
    lists.sort((a, b) => compare(a[0]!, b[0]!));
    for (const list of lists) list.sort(compare);
  }
  const order = new Int32Array(rows.length);
  const groups: MatrixGroup[] = [];
  let at = 0;
  for (const list of lists) {
    const label = group.texts[codes[list[0]!]!]!;
    groups.push({ id: `${query.groupBy}:${label}`, label, start: at, count: list.length });
    order.set(list, at);
    at += list.length;
  }
  return { order, groups };
}

/**
 * Orders ports by value and texts numerically aware, as the matrix has always sorted them.
 *
 * @param column - A compact column.
 * @returns Each code's rank: codes that compare equal share a rank.
 * @example
 * rankCodes(columns.columns.get('port')!); // Int32Array [0, 2, 1, …]
 */
function rankCodes(column: CompactColumn): Int32Array {
  const size = column.texts.length;
  const order = Array.from({ length: size }, (_, i) => i);
  const ports = column.ports;
  const collator = new Intl.Collator(undefined, { numeric: true });
  const compare = ports
    ? (a: number, b: number) => comparePorts(ports[a]!, ports[b]!)
    : (a: number, b: number) => collator.compare(column.texts[a]!, column.texts[b]!);
  order.sort(compare);
  const rank = new Int32Array(size);
  for (let i = 1; i < size; i += 1) {
    const same = compare(order[i - 1]!, order[i]!) === 0;
    rank[order[i]!] = same ? rank[order[i - 1]!]! : i;
  }
  return rank;
}
