import { type FlowList, writtenList } from '../derive';
import type { TopologyDocument } from '../document';
import type { Flow } from '../flow';
import { type FlowRow, makeRow, rowIdWidth } from '../rows';
import { type CompactColumns, compactColumns } from './compact-columns';
import type { RowOptions } from './file-facts';
import { createRowTexts } from './row-texts';
import type { RowWords } from './row-words';

/**
 * The matrix rows of one derivation, made only when asked for: the panel asks for the rows it
 * shows, an export for all of them. Each row is made once; the compact columns (for filtering and
 * sorting) are built on first use.
 */
export interface RowSource {
  /** How many rows (one per flow). */
  readonly length: number;
  /** Every flow, in matrix order (a derivation's planned flows are written on this read). */
  readonly flows: readonly Flow[];
  /** The row at matrix position `i`, the same object every time. */
  row(i: number): FlowRow;
  /** Every row, in matrix order: the same array every time (what `flowsToRows` returns). */
  rows(): readonly FlowRow[];
  /** The rows of one link, in matrix order (the link inspector's), made without making the others. */
  rowsOf(linkId: string): readonly FlowRow[];
  /** The columns in compact form, built on the first call (reusing the last build's rows that stayed). */
  columns(): CompactColumns;
  /** The columns if built, else the last build this source would reuse: what the next source reuses. */
  lastColumns(): CompactColumns | undefined;
}

/**
 * Wraps derived flows as rows made on demand. Costs nothing until a row is read: a row reads its
 * flow by position, so the first screen of a large estate's matrix does not write every flow.
 *
 * @param flows - Derived flows, in matrix order, or a derivation's list of them (`flowListOf`).
 * @param document - The hosts and zones the flows refer to.
 * @param words - The reader's words (`rowWords(catalogue, language)` from src/i18n).
 * @param previous - The row source before an edit: its compact columns are reused where they hold
 *   (only for the same words: another language codes every text afresh).
 * @param options - Optional test results by flow key, for the rows' `verified` ({@link RowOptions}).
 * @returns The row source; `rows()` equals `flowsToRows(flows, document, words)`.
 * @example
 * const source = createRowSource(derivation.flows, document, rowWords(catalogue, 'en'));
 * source.row(0).id; // 'F-0001'
 * source.rows().length === source.length; // true
 */
export function createRowSource(
  flows: readonly Flow[] | FlowList,
  document: Pick<TopologyDocument, 'hosts' | 'zones'>,
  words: RowWords,
  previous?: RowSource,
  options?: RowOptions,
): RowSource {
  const list = Array.isArray(flows) ? writtenList(flows as readonly Flow[]) : (flows as FlowList);
  const { length } = list;
  // Only the columns are kept, not the previous source (a chain of sources would keep every row).
  const inherited = previous?.lastColumns();
  const width = rowIdWidth(length);
  const made: (FlowRow | undefined)[] = [];
  let texts: ReturnType<typeof createRowTexts> | undefined;
  let all: FlowRow[] | undefined;
  let columns: CompactColumns | undefined;
  const byLink = new Map<string, FlowRow[]>();
  const textsOf = () => {
    texts ??= createRowTexts(document, words, options, inherited?.reuse.builder.texts);
    return texts;
  };
  const source: RowSource = {
    length,
    get flows() {
      return list.all();
    },
    row(i) {
      let row = made[i];
      if (!row) {
        const flow = list.at(i);
        if (!flow) throw new RangeError(`no row ${i} of ${length}`);
        row = makeRow(textsOf(), flow, i, width);
        made[i] = row;
      }
      return row;
    },
    rows() {
      all ??= list.all().map((_, i) => source.row(i));
      return all;
    },
    rowsOf(linkId) {
      let rows = byLink.get(linkId);
      if (!rows) {
        rows = [];
        const flows = list.all();
        for (let i = 0; i < flows.length; i += 1) if (flows[i]!.linkId === linkId) rows.push(source.row(i));
        byLink.set(linkId, rows);
      }
      return rows;
    },
    columns() {
      columns ??= compactColumns(list, textsOf(), inherited);
      return columns;
    },
    lastColumns: () => columns ?? inherited,
  };
  return source;
}

/**
 * A maker of row sources that hands each the one before it, so a filtered matrix re-codes only
 * the rows an edit changed.
 *
 * @returns `(flows, document, words, options?) => RowSource`, remembering its last source.
 * @example
 * const next = createRowSources();
 * const first = next(flowListOf(derivation), document, words); // writes no flow until read
 * const second = next(edited.flows, editedDocument, words); // reuses first's columns
 */
export function createRowSources(): (
  flows: readonly Flow[] | FlowList,
  document: Pick<TopologyDocument, 'hosts' | 'zones'>,
  words: RowWords,
  options?: RowOptions,
) => RowSource {
  let last: RowSource | undefined;
  return (flows, document, words, options) => {
    last = createRowSource(flows, document, words, last, options);
    return last;
  };
}
