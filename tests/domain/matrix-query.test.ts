import {
  type ColumnDef,
  type ColumnFiltersState,
  createTable,
  type FilterFn,
  getCoreRowModel,
  getExpandedRowModel,
  getFilteredRowModel,
  getGroupedRowModel,
  getSortedRowModel,
  type SortingFn,
  type SortingState,
  type TableState,
} from '@tanstack/react-table';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { comparePorts } from '@/domain/flow';
import {
  type CompactColumns,
  type MatrixColumnId,
  PAIR_COLUMN,
  pairLabel,
  ZONE_PAIR_COLUMN,
} from '@/domain/matrix/compact-columns';
import { type MatrixQuery, queryMatrix } from '@/domain/matrix/matrix-query';
import { createRowSource, createRowSources } from '@/domain/matrix/row-source';
import {
  cellText,
  cellValue,
  FLOW_COLUMNS,
  type FlowColumnKey,
  type FlowRow,
  flowsToRows,
} from '@/domain/rows';
import { cellWords, rowWords } from '@/i18n/row-words';
import { syntheticHierarchy } from '../../bench/synthetic';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

const NAME_PARTS = ['dp', 'DP', 'mp', 'Srv', 'srv', 'a', 'B', '2', '10', '01', '-', ' ', 'é', 'Ä'];

/** A synthetic estate with random names (case, digits, repeats), sites, zones and addresses. */
function randomEstate(seed: number): TopologyDocument {
  const r = random(seed);
  const base = syntheticHierarchy(80, catalogue);
  const zones = [
    { id: 'z1', name: 'DMZ' },
    { id: 'z2', name: 'Core 10' },
    { id: 'z3', name: 'core 9' },
  ];
  const hosts = base.hosts.map((h) => {
    const name = Array.from({ length: 1 + r.int(4) }, () => r.pick(NAME_PARTS)).join('');
    const zone = r.next() < 0.5 ? r.pick(zones).id : undefined;
    const fqdn = r.next() < 0.3 ? `${name.trim() || 'x'}.corp.example` : undefined;
    const site = r.next() < 0.2 ? '' : h.site;
    return { ...h, name: name.trim() === '' ? h.name : name, zone, fqdn, site };
  });
  return { ...base, hosts, zones };
}

// Today's TanStack pipeline, as the matrix ran it before the compact columns: the oracle.
function textOf(row: FlowRow, id: string): string {
  return id === PAIR_COLUMN
    ? pairLabel(row.source, row.target)
    : cellText(row, id as FlowColumnKey, cellWords('en'));
}
const containsText: FilterFn<FlowRow> = (row, id, value) => {
  const needle = String(value ?? '')
    .trim()
    .toLowerCase();
  return needle === '' || textOf(row.original, id).toLowerCase().includes(needle);
};
const byPort: SortingFn<FlowRow> = (a, b) => comparePorts(a.original.port, b.original.port);
const byText: SortingFn<FlowRow> = (a, b, id) =>
  textOf(a.original, id).localeCompare(textOf(b.original, id), undefined, { numeric: true });
const oracleColumns: ColumnDef<FlowRow>[] = [
  ...FLOW_COLUMNS.map(
    (c): ColumnDef<FlowRow> => ({
      id: c.key,
      accessorFn: (row) => cellValue(row, c.key),
      filterFn: containsText,
      sortingFn: c.key === 'port' ? byPort : byText,
      enableGrouping: c.key === 'service',
    }),
  ),
  {
    id: PAIR_COLUMN,
    accessorFn: (row) => pairLabel(row.source, row.target),
    filterFn: containsText,
    sortingFn: byText,
  },
  // Only for grouping: the zone pair's key is ids, which no filter reads.
  { id: ZONE_PAIR_COLUMN, accessorFn: (row) => row.zonePair, enableGlobalFilter: false },
];

/** What TanStack showed: `G:label:count` for a group heading, the row id for a row. */
function oracle(rows: FlowRow[], query: MatrixQuery): string[] {
  const state: Partial<TableState> = {
    sorting: (query.sorting ?? []) as SortingState,
    columnFilters: query.columns as ColumnFiltersState,
    globalFilter: query.global,
    grouping: query.groupBy ? [query.groupBy] : [],
    expanded: true,
    columnVisibility: { [PAIR_COLUMN]: false, [ZONE_PAIR_COLUMN]: false },
  };
  const table = createTable<FlowRow>({
    // The crossing toggle hides the rows inside a zone before any other filter.
    data: query.onlyCrossing ? rows.filter((r) => r.crossesZone) : rows,
    columns: oracleColumns,
    state,
    onStateChange: () => {},
    renderFallbackValue: null,
    sortDescFirst: false,
    globalFilterFn: containsText,
    getColumnCanGlobalFilter: () => true,
    groupedColumnMode: false,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getGroupedRowModel: getGroupedRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
  });
  table.setOptions((prev) => ({ ...prev, state: { ...table.initialState, ...state } }));
  return table
    .getRowModel()
    .rows.map((row) =>
      row.getIsGrouped() ? `G:${String(row.groupingValue)}:${row.getLeafRows().length}` : row.original.id,
    );
}

const SORTABLE: readonly MatrixColumnId[] = FLOW_COLUMNS.map((c) => c.key);

/** A needle that often matches: part of some cell's text, in a random case, or a random short text. */
function needle(r: ReturnType<typeof random>, rows: FlowRow[]): string {
  if (r.next() < 0.2) return r.pick(['a', 'p0', ' ', '1 ', 'tcp 8', 'on p', ') for', 'zz']);
  const text = textOf(r.pick(rows), r.pick([...SORTABLE, PAIR_COLUMN]));
  const from = r.int(Math.max(1, text.length));
  // Mostly short; sometimes long enough to cross several parts of a justification (past 31 characters).
  const cut = text.slice(from, from + 1 + r.int(r.next() < 0.2 ? 45 : 8));
  return r.next() < 0.5 ? cut.toUpperCase() : cut;
}

function randomQuery(r: ReturnType<typeof random>, rows: FlowRow[]): MatrixQuery {
  const columns = r.next() < 0.4 ? [{ id: r.pick(SORTABLE), value: needle(r, rows) }] : [];
  const sorting = Array.from({ length: r.int(3) }, () => ({ id: r.pick(SORTABLE), desc: r.next() < 0.5 }));
  const unique = sorting.filter((s, i) => sorting.findIndex((t) => t.id === s.id) === i);
  const groupBy = r.pick([undefined, undefined, PAIR_COLUMN, 'service', ZONE_PAIR_COLUMN] as const);
  const global = r.next() < 0.6 ? needle(r, rows) : '';
  return { global, columns, sorting: unique, groupBy, onlyCrossing: r.next() < 0.3 };
}

describe('the matrix on compact columns', () => {
  // A few thousand rows and 25 queries against an oracle of made rows: generous on a busy machine.
  it.each([1, 2, 3])(
    'filters, sorts and groups as the made rows did (estate %i)',
    { timeout: 180_000 },
    (seed) => {
      const document = randomEstate(seed);
      const { flows } = deriveFlows(document, catalogue);
      const rows = flowsToRows(flows, document, rowWords(catalogue, 'en'));
      const source = createRowSource(flows, document, rowWords(catalogue, 'en'));
      expect(source.rows()).toEqual(rows);
      const r = random(seed * 7919);
      for (let q = 0; q < 25; q += 1) {
        const query = randomQuery(r, rows);
        const view = queryMatrix(source.columns(), query);
        const shown: string[] = [];
        if (view.groups) {
          for (const g of view.groups) {
            shown.push(`G:${g.label}:${g.count}`);
            for (let k = g.start; k < g.start + g.count; k += 1) shown.push(source.row(view.order[k]!).id);
          }
        } else {
          for (const i of view.order) shown.push(source.row(i).id);
        }
        expect({ query, shown }).toEqual({ query, shown: oracle(rows, query) });
      }
    },
  );

  it('scans the rows for an overall filter once per build, whoever asks, and keeps them unchanged', () => {
    const document = randomEstate(4);
    const { flows } = deriveFlows(document, catalogue);
    const source = createRowSource(flows, document, rowWords(catalogue, 'en'));
    const columns = source.columns();
    const plain = queryMatrix(columns, { global: 'TCP', columns: [] });
    const copy = Int32Array.from(plain.order);
    expect(copy.length).toBeGreaterThan(1);
    // The highlight asks the same of the same build: the same rows, not a second scan.
    expect(queryMatrix(columns, { global: ' tcp ', columns: [] }).order).toBe(plain.order);
    // Sorted or filtered further, the kept rows are copied, not changed.
    const sorted = queryMatrix(columns, {
      global: 'TCP',
      columns: [],
      sorting: [{ id: 'port', desc: true }],
    });
    expect(sorted.order).not.toBe(plain.order);
    queryMatrix(columns, { global: 'TCP', columns: [{ id: 'protocol', value: 'tcp' }] });
    expect(plain.order).toEqual(copy);
    // Another build scans afresh.
    const again = createRowSource(flows, document, rowWords(catalogue, 'en')).columns();
    const other = queryMatrix(again, { global: 'TCP', columns: [] }).order;
    expect(other).not.toBe(plain.order);
    expect(other).toEqual(copy);
  });

  it('makes no row until one is read, then each row once', () => {
    const document = randomEstate(4);
    const { flows } = deriveFlows(document, catalogue);
    const source = createRowSource(flows, document, rowWords(catalogue, 'en'));
    const view = queryMatrix(source.columns(), { global: 'tcp', columns: [] });
    expect(view.order.length).toBeGreaterThan(0);
    expect(source.row(3)).toBe(source.row(3));
    expect(source.rows()[3]).toBe(source.row(3));
    expect(source.rows()).toBe(source.rows());
    const link = flows[10]!.linkId;
    expect(source.rowsOf(link)).toEqual(source.rows().filter((r) => r.linkId === link));
  });

  it('codes the rows an edit left alone as a fresh build does, edit after edit', () => {
    const r = random(99);
    let document = randomEstate(5);
    let derivation = deriveFlows(document, catalogue);
    const next = createRowSources();
    let previous = next(derivation.flows, document, rowWords(catalogue, 'en')).columns();
    /** Every cell's text by row, as the columns code it (and the justification's parts). */
    const texts = (c: CompactColumns) =>
      Array.from({ length: c.length }, (_, i) => [
        ...[...c.columns].map(([, col]) => col.texts[col.codes ? col.codes[i]! : i]),
        c.hostNames[c.source[i]!],
        c.middle.texts[c.middle.codes![i]!],
        c.tail.texts[c.tail.codes![i]!],
      ]);
    let reused = 0;
    for (let step = 0; step < 12; step += 1) {
      const hosts = [...document.hosts];
      const at = r.int(hosts.length);
      const host = hosts[at]!;
      const edit = r.int(4);
      if (edit === 0)
        hosts[at] = { ...host, roles: [...host.roles, r.pick(['reporting-point', 'fallback-status-point'])] };
      else if (edit === 1) hosts[at] = { ...host, name: `${host.name}x` };
      else if (edit === 2)
        hosts[at] = { ...host, zone: r.pick(['z1', 'z2', undefined]), ip: `10.9.9.${step}` };
      else hosts.splice(at, 1);
      document = { ...document, hosts };
      derivation = deriveFlows(document, catalogue, derivation);
      const source = next(derivation.flows, document, rowWords(catalogue, 'en'));
      const incremental = source.columns();
      if (incremental.reuse.builder === previous.reuse.builder) reused += 1;
      previous = incremental;
      const fresh = createRowSource(derivation.flows, document, rowWords(catalogue, 'en')).columns();
      expect(texts(incremental)).toEqual(texts(fresh));
      const query = randomQuery(r, source.rows() as FlowRow[]);
      expect(queryMatrix(incremental, query)).toEqual(queryMatrix(fresh, query));
    }
    expect(reused).toBeGreaterThan(0);
  });
});
