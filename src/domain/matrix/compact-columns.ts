import { comparePorts, type Flow, type FlowPort, formatPort } from '../flow';
import { DIRECTION_BOTH, DIRECTION_ONE_WAY, type FlowColumnKey } from '../rows';
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
  readonly columns: ReadonlyMap<MatrixColumnId, CompactColumn>;
  /** Justification = source name + middle + target name + tail; middle and tail are few texts. */
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly hostNames: readonly string[];
  readonly middle: CompactColumn;
  readonly tail: CompactColumn;
}

/**
 * Numbers distinct texts, found by a cheaper key (an array, a number): the text of a key is made
 * once, when the key first appears. Keys with the same text share a code (two host pairs with the
 * same names are one group, as they always were). `byKey` numbers keys instead (hosts: two hosts
 * of one name still differ in address).
 */
class Dictionary<K> {
  readonly texts: string[] = [];
  readonly keys: K[] = [];
  private readonly index = new Map<K, number>();
  private readonly byText = new Map<string, number>();
  constructor(private readonly byKey = false) {}
  code(key: K, text: () => string): number {
    let c = this.index.get(key);
    if (c === undefined) {
      const t = text();
      c = this.byKey ? undefined : this.byText.get(t);
      if (c === undefined) {
        c = this.texts.length;
        this.texts.push(t);
        this.keys.push(key);
        this.byText.set(t, c);
      }
      this.index.set(key, c);
    }
    return c;
  }
}

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
  for (let i = 0; i < n; i += 1) {
    const f = flows[i]!;
    const s = hosts.code(f.initiator, () => texts.host(f.initiator).name);
    const t = hosts.code(f.responder, () => texts.host(f.responder).name);
    source[i] = s;
    target[i] = t;
    codes.sourceRoles[i] = dicts.sourceRoles.code(f.initiatorRoles, () => texts.roles(f.initiatorRoles));
    codes.targetRoles[i] = dicts.targetRoles.code(f.responderRoles, () => texts.roles(f.responderRoles));
    codes.protocol[i] = dicts.protocol.code(f.protocol, () => f.protocol);
    const port = f.port;
    const pc = dicts.port.code(portKey(port), () => formatPort(port));
    ports[pc] = port;
    codes.port[i] = pc;
    codes.service[i] = dicts.service.code(f.service, () => texts.service(f.service));
    codes.direction[i] = dicts.direction.code(f.bothInitiate, () =>
      f.bothInitiate ? DIRECTION_BOTH : DIRECTION_ONE_WAY,
    );
    codes.configurable[i] = dicts.configurable.code(f.configurable, () => (f.configurable ? 'yes' : 'no'));
    // The dynamic range's note names its port; other notes lists share one text.
    const notesKey = f.dynamic ? `${portKey(port)}:${f.notes.join(',')}` : f.notes;
    codes.notes[i] = dicts.notes.code(notesKey, () => texts.notes(f));
    codes.section[i] = dicts.section.code(f.sections, () => f.sections.join(';'));
    codes.pair[i] = dicts.pair.code(s < t ? s * 2 ** 26 + t : t * 2 ** 26 + s, () =>
      pairLabel(hosts.texts[s]!, hosts.texts[t]!),
    );
    // The middle reads the initiator's roles, the protocol and the port: key it by their codes.
    const mk = (codes.sourceRoles[i]! * 2 + codes.protocol[i]!) * 1_048_576 + pc;
    codes.middle[i] = dicts.middle.code(mk, () => texts.middle(f));
    // The tail reads the responder's roles, the descriptions, the service and the sections.
    let byDescriptions = tailKeys.get(f.descriptions);
    if (!byDescriptions) {
      byDescriptions = new Map();
      tailKeys.set(f.descriptions, byDescriptions);
    }
    const tk = (codes.targetRoles[i]! * 1024 + codes.service[i]!) * 1_048_576 + codes.section[i]!;
    let tc = byDescriptions.get(tk);
    if (tc === undefined) {
      tails += 1;
      tc = dicts.tail.code(tails, () => texts.tail(f));
      byDescriptions.set(tk, tc);
    }
    codes.tail[i] = tc;
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
  const ids = Array.from({ length: n }, (_, i) => `F-${String(i + 1).padStart(width, '0')}`);
  const columns = new Map<MatrixColumnId, CompactColumn>([
    ['id', { codes: undefined, texts: ids }],
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
    columns,
    source,
    target,
    hostNames: hosts.texts,
    middle: col('middle'),
    tail: col('tail'),
  };
}

/**
 * Orders ports by value and texts numerically aware, as the matrix has always sorted them.
 *
 * @param column - A compact column.
 * @returns Each code's rank: codes that compare equal share a rank.
 * @example
 * rankCodes(columns.columns.get('port')!); // Int32Array [0, 2, 1, …]
 */
export function rankCodes(column: CompactColumn): Int32Array {
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
