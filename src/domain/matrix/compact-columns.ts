import { type Flow, type FlowPort, formatPort } from '../flow';
import { DIRECTION_BOTH, DIRECTION_ONE_WAY, type FlowColumnKey } from '../rows';
import { ContentCache, Dictionary } from './dictionaries';
import type { RowTexts } from './row-texts';

/** The hidden column the `pair` grouping uses: the link's two host names, in name order. */
export const PAIR_COLUMN = 'pair';

/** A column the matrix filters, sorts or groups by: a row column, or the host pair. */
export type MatrixColumnId = FlowColumnKey | typeof PAIR_COLUMN;

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
}

/** The columns a flow's shared content decides, in the order `contentCodes` writes them. */
export const CONTENT_COLUMNS = [
  'sourceRoles',
  'targetRoles',
  'protocol',
  'port',
  'service',
  'direction',
  'configurable',
  'notes',
  'section',
  'middle',
  'tail',
] as const;

function portKey(p: FlowPort): number {
  return p.kind === 'single' ? p.port : -(p.from * 65_536 + p.to) - 1;
}

/**
 * Builds the compact columns of a matrix: one pass over the flows, a few typed arrays, and a
 * dictionary per column. The rows themselves are never made.
 *
 * @param flows - The derived flows, in matrix order.
 * @param texts - The document's row texts.
 * @returns The columns, with the rule id's texts made for every row.
 * @example
 * const columns = compactColumns(flows, createRowTexts(document, catalogue));
 * columns.columns.get('protocol')?.texts; // ['TCP', 'UDP']
 */
export function compactColumns(flows: readonly Flow[], texts: RowTexts): CompactColumns {
  const n = flows.length;
  const hosts = new Dictionary<string>(true);
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const dicts = {
    sourceRoles: new Dictionary<readonly string[]>(),
    targetRoles: new Dictionary<readonly string[]>(),
    protocol: new Dictionary<string>(),
    port: new Dictionary<number>(),
    service: new Dictionary<string>(),
    direction: new Dictionary<boolean>(),
    configurable: new Dictionary<boolean>(),
    notes: new Dictionary<unknown>(),
    section: new Dictionary<readonly string[]>(),
    pair: new Dictionary<number>(),
    middle: new Dictionary<number>(),
    tail: new Dictionary<number>(),
  };
  const codes = Object.fromEntries(Object.keys(dicts).map((k) => [k, new Int32Array(n)])) as Record<
    keyof typeof dicts,
    Int32Array
  >;
  const ports: FlowPort[] = [];
  const tailKeys = new Map<readonly string[], Map<number, number>>();
  let tails = 0;
  /** The codes of what a flow's content decides, in CONTENT order. */
  const contentCodes = (f: Flow): Int32Array => {
    const out = new Int32Array(CONTENT_COLUMNS.length);
    out[0] = dicts.sourceRoles.code(f.initiatorRoles, () => texts.roles(f.initiatorRoles));
    out[1] = dicts.targetRoles.code(f.responderRoles, () => texts.roles(f.responderRoles));
    out[2] = dicts.protocol.code(f.protocol, () => f.protocol);
    const port = f.port;
    out[3] = dicts.port.code(portKey(port), () => formatPort(port));
    ports[out[3]] = port;
    out[4] = dicts.service.code(f.service, () => texts.service(f.service));
    out[5] = dicts.direction.code(f.bothInitiate, () =>
      f.bothInitiate ? DIRECTION_BOTH : DIRECTION_ONE_WAY,
    );
    out[6] = dicts.configurable.code(f.configurable, () => (f.configurable ? 'yes' : 'no'));
    // The dynamic range's note names its port; other notes lists share one text.
    const notesKey = f.dynamic ? `${portKey(port)}:${f.notes.join(',')}` : f.notes;
    out[7] = dicts.notes.code(notesKey, () => texts.notes(f));
    out[8] = dicts.section.code(f.sections, () => f.sections.join(';'));
    // The middle reads the initiator's roles, the protocol and the port: key it by their codes.
    out[9] = dicts.middle.code((out[0] * 2 + out[2]) * 1_048_576 + out[3], () => texts.middle(f));
    // The tail reads the responder's roles, the descriptions, the service and the sections.
    let byDescriptions = tailKeys.get(f.descriptions);
    if (!byDescriptions) {
      byDescriptions = new Map();
      tailKeys.set(f.descriptions, byDescriptions);
    }
    const tk = (out[1] * 1024 + out[4]) * 1_048_576 + out[8];
    let tc = byDescriptions.get(tk);
    if (tc === undefined) {
      tails += 1;
      tc = dicts.tail.code(tails, () => texts.tail(f));
      byDescriptions.set(tk, tc);
    }
    out[10] = tc;
    return out;
  };
  const contents = new ContentCache(contentCodes);
  const content = new Int32Array(n);
  const columnCodes = CONTENT_COLUMNS.map((k) => codes[k]);
  // Host pairs by lower then higher host code (small integers, no boxed keys).
  const pairs = new Map<number, Map<number, number>>();
  let pairCount = 0;
  const collator = new Intl.Collator();
  const pairCode = (s: number, t: number): number => {
    const lo = Math.min(s, t);
    const hi = Math.max(s, t);
    let row = pairs.get(lo);
    if (!row) {
      row = new Map();
      pairs.set(lo, row);
    }
    let pc = row.get(hi);
    if (pc === undefined) {
      const x = hosts.texts[s]!;
      const y = hosts.texts[t]!;
      // pairLabel's order (localeCompare), by one collator: localeCompare makes one per call.
      pairCount += 1;
      pc = dicts.pair.add(pairCount, collator.compare(x, y) <= 0 ? `${x} ↔ ${y}` : `${y} ↔ ${x}`);
      row.set(hi, pc);
    }
    return pc;
  };
  let pairA: string | undefined;
  let pairB: string | undefined;
  let pc = 0;
  let lastA: string | undefined;
  let lastB: string | undefined;
  let s = 0;
  let t = 0;
  for (let i = 0; i < n; i += 1) {
    const f = flows[i]!;
    // Flows come by initiator, then responder: most rows repeat the last row's hosts.
    const a = f.initiator;
    const b = f.responder;
    if (a !== lastA) {
      lastA = a;
      s = hosts.get(a) ?? hosts.add(a, texts.host(a).name);
    }
    if (b !== lastB) {
      lastB = b;
      t = hosts.get(b) ?? hosts.add(b, texts.host(b).name);
    }
    source[i] = s;
    target[i] = t;
    const ci = contents.index(f);
    content[i] = ci;
    const c = contents.all[ci]!;
    for (let k = 0; k < c.length; k += 1) columnCodes[k]![i] = c[k]!;
    if (a !== pairA || b !== pairB) {
      pairA = a;
      pairB = b;
      pc = pairCode(s, t);
    }
    codes.pair[i] = pc;
  }
  const col = (k: keyof typeof dicts, extra?: Partial<CompactColumn>): CompactColumn => ({
    codes: codes[k],
    texts: dicts[k].texts,
    ...extra,
  });
  const hostColumn = (codes: Int32Array, fact: 'name' | 'address' | 'site' | 'zone'): CompactColumn => ({
    codes,
    texts: fact === 'name' ? hosts.texts : hosts.keys.map((id) => texts.host(id)[fact]),
  });
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
    ['targetRoles', col('targetRoles')],
    ['protocol', col('protocol')],
    ['port', col('port', { ports })],
    ['service', col('service')],
    ['direction', col('direction')],
    ['configurable', col('configurable')],
    ['notes', col('notes')],
    ['section', col('section')],
    [PAIR_COLUMN, col('pair')],
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
  };
}
