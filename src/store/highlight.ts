/**
 * What the matrix filter highlights on the canvas (issue 12): the hosts and links of the rows it
 * matches. The rows are found the way the matrix finds them (`queryMatrix` on the compact
 * columns), so the canvas and the table never disagree about what matches.
 */
import { queryMatrix } from '@/domain/matrix/matrix-query';
import type { RowSource } from '@/domain/matrix/row-source';
import type { AppState, AppStore } from './app-store';
import { selectRowSource } from './derived';

/** The hosts (initiators and responders) and links of the rows a filter matches. */
export interface Highlight {
  readonly hosts: ReadonlySet<string>;
  readonly links: ReadonlySet<string>;
}

/** The last filter asked of each row source; a new derivation is a new source and starts afresh. */
const last = new WeakMap<RowSource, { readonly filter: string; readonly highlight: Highlight | undefined }>();

/**
 * The hosts and links of the rows whose some cell contains `filter`, as the matrix's overall
 * filter matches them. Memoised per row source and filter: thousands of hosts and links ask.
 *
 * @param source - The matrix rows of the current derivation.
 * @param filter - The matrix's overall filter text.
 * @returns The matched hosts and links, or undefined when the filter is blank (nothing to mark).
 */
export function highlightOf(source: RowSource, filter: string): Highlight | undefined {
  const cached = last.get(source);
  if (cached && cached.filter === filter) return cached.highlight;
  let highlight: Highlight | undefined;
  if (filter.trim() !== '') {
    const { order } = queryMatrix(source.columns(), { global: filter, columns: [] });
    const hosts = new Set<string>();
    const links = new Set<string>();
    for (const i of order) {
      const flow = source.flows[i]!;
      links.add(flow.linkId);
      hosts.add(flow.initiator);
      hosts.add(flow.responder);
    }
    highlight = { hosts, links };
  }
  last.set(source, { filter, highlight });
  return highlight;
}

/** The highlight for the store's current rows and matrix filter; undefined while the filter is blank. */
export function selectHighlight(store: AppStore, state: AppState = store.getState()): Highlight | undefined {
  // Blank first: the common case costs every host's and link's selector one property read.
  if (state.matrixFilter.trim() === '') return undefined;
  return highlightOf(selectRowSource(store, state), state.matrixFilter);
}

/** How a host or link shows against the matrix filter: marked, dimmed, or as usual (no filter). */
export type HighlightMark = 'match' | 'dim' | undefined;

/**
 * One element's mark under the matrix filter.
 *
 * @param store - The app store.
 * @param state - Its state (a selector's argument).
 * @param kind - Whether `id` is a host or a link.
 * @param id - The host's or link's id.
 * @returns 'match' for a host or link of a matching row, 'dim' for the others, undefined unfiltered.
 */
export function highlightMark(
  store: AppStore,
  state: AppState,
  kind: 'host' | 'link',
  id: string,
): HighlightMark {
  const highlight = selectHighlight(store, state);
  if (!highlight) return undefined;
  return (kind === 'host' ? highlight.hosts : highlight.links).has(id) ? 'match' : 'dim';
}
