import type { Catalogue } from '../catalogue-types';
import type { FlowCheck } from '../results/import-results';

/**
 * What a matrix row carries for the workbook and JSON beyond the panel's columns: the addresses apart (a
 * firewall engineer types the IP, not `fqdn / ip`), the zones' address ranges, the sections'
 * headings and what a connectivity test said. Values, not text: "IP missing" or "not tested" are
 * words, made where a cell is written (`workbookCellValue`).
 */
export interface FileFacts {
  /** The source host's FQDN, '' when it has none. */
  readonly sourceFqdn: string;
  /** The source host's IP as the document writes it, '' when it has none. */
  readonly sourceIp: string;
  /** The source host needs an IP and has none (`lacksIp`: not for the Internet and such). */
  readonly sourceIpMissing: boolean;
  /** The address ranges of the source host's zone, in the zone's order (empty without a zone). */
  readonly sourceZoneCidrs: readonly string[];
  readonly targetFqdn: string;
  readonly targetIp: string;
  readonly targetIpMissing: boolean;
  readonly targetZoneCidrs: readonly string[];
  /** The headings of `sections` as the edition in force writes them (the anchor where it has none). */
  readonly sectionTitles: readonly string[];
  /** What an imported connectivity test said about the flow; `untested` when nothing was imported. */
  readonly verified: FlowCheck | 'untested';
}

/** What the row builder may be given beyond the document and the words. */
export interface RowOptions {
  /**
   * Connectivity test results by flow key (`flowKey` of src/domain/firewall/flow-key.ts), as
   * `importResults` returns them: rows of flows in the map say `verified` or `blocked`.
   */
  readonly checks?: ReadonlyMap<string, FlowCheck>;
}

/**
 * The heading of a section as an edition writes it: `current` (the English page) has `heading`,
 * `2018-de` (the German document) has `headingDe`; an edition without one falls back to the other,
 * then to the anchor, so a cell is never empty.
 *
 * @param catalogue - The catalogue in force (its edition decides which heading).
 * @param anchor - A section anchor of a flow.
 * @returns The heading text.
 * @example
 * sectionTitle(currentCatalogue, 'BKMK_PortsAI'); // 'Asset Intelligence synchronization point --> Microsoft'
 * sectionTitle(catalogue2018, 'BKMK_PortsAI'); // 'Asset Intelligence-Synchronisierungspunkt -- > Microsoft'
 * sectionTitle(catalogue, 'BKMK_Unknown'); // 'BKMK_Unknown'
 */
export function sectionTitle(catalogue: Catalogue, anchor: string): string {
  const section = catalogue.sectionByAnchor.get(anchor);
  if (!section) return anchor;
  const first = catalogue.edition.id === '2018-de' ? section.headingDe : section.heading;
  return first ?? section.heading ?? section.headingDe ?? anchor;
}
