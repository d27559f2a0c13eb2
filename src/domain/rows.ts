import type { Catalogue } from './catalogue-types';
import type { TopologyDocument } from './document';
import { type Flow, type FlowPort, formatPort } from './flow';
import type { FileFacts, RowOptions } from './matrix/file-facts';
import { createRowTexts, type RowTexts } from './matrix/row-texts';
import type { CellWords, RowWords } from './matrix/row-words';
import { zonePairKey } from './zones/crossing';

/**
 * One row of the flow matrix: what the panel shows and what CSV, JSON and the workbook write, in
 * the same order. The port and the sections stay values; their text (`49152-65535`, `A;B`) is
 * made where a cell is written ({@link cellText}, {@link cellValue}), never parsed back. The
 * {@link FileFacts} are what the workbook (`WORKBOOK_COLUMNS`) and JSON write beyond the panel's columns.
 */
export interface FlowRow extends FileFacts {
  /** Stable within one derivation: F-0001, F-0002, … in matrix order. */
  readonly id: string;
  readonly source: string;
  readonly sourceAddress: string;
  readonly sourceSite: string;
  readonly sourceZone: string;
  readonly sourceRoles: string;
  readonly target: string;
  readonly targetAddress: string;
  readonly targetSite: string;
  readonly targetZone: string;
  /** False when both hosts sit in the same zone (no firewall between them); see `crossesZone`. */
  readonly crossesZone: boolean;
  readonly targetRoles: string;
  readonly protocol: 'TCP' | 'UDP';
  /** One port or a range, as the engine derived it. */
  readonly port: FlowPort;
  readonly service: string;
  /** The direction in words (one-way, or initiated from both sides). */
  readonly direction: string;
  /** Not a column: both hosts may open the flow (what `direction` says in words). */
  readonly bothInitiate: boolean;
  readonly configurable: boolean;
  readonly notes: string;
  /** Section anchors of every rule merged into the flow, in catalogue order (at least one). */
  readonly sections: readonly string[];
  /** Link to the first section of the published document. */
  readonly sectionUrl: string;
  readonly justification: string;
  /** Not a column: the service class id, for colour. */
  readonly serviceId: string;
  /** Not a column: the link the flow travels on, to select it on the canvas. */
  readonly linkId: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** Not a column: the hosts' zone ids ('' for none), for the matrix's zone marks and zone pairs. */
  readonly sourceZoneId: string;
  readonly targetZoneId: string;
  /** Not a column: the zone pair's key (`zonePairKey`), what grouping by zone pair groups by. */
  readonly zonePair: string;
  /** Not a column: RPC dynamic range (note 6). */
  readonly highRisk: boolean;
}

/**
 * A matrix column: a row field, except `section`, the one column for the row's `sections` (its
 * name is the key CSV headers, JSON objects and filters have always used).
 */
export type FlowColumnKey =
  | Exclude<
      keyof FlowRow,
      | 'serviceId'
      | 'linkId'
      | 'sourceId'
      | 'targetId'
      | 'sourceZoneId'
      | 'targetZoneId'
      | 'zonePair'
      | 'highRisk'
      | 'bothInitiate'
      | 'sectionUrl'
      | 'sections'
      | keyof FileFacts
    >
  | 'section'
  | 'verified';

/** The message key of a matrix column's header: `matrix:columns.<key>`. */
export type FlowColumnHeader = `matrix:columns.${FlowColumnKey}`;

export interface FlowColumn {
  readonly key: FlowColumnKey;
  /** The header's message key; the panel and every file write it in the reader's language. */
  readonly header: FlowColumnHeader;
  /** Width in characters for the workbook; the panel scales it. */
  readonly width: number;
}

/**
 * The matrix columns, in order, shared by the panel, CSV and JSON; the workbook's matrix sheet
 * writes them with the addresses apart and more (`WORKBOOK_COLUMNS` in src/domain/matrix).
 */
export const FLOW_COLUMNS: readonly FlowColumn[] = [
  { key: 'id', header: 'matrix:columns.id', width: 8 },
  { key: 'source', header: 'matrix:columns.source', width: 18 },
  { key: 'sourceAddress', header: 'matrix:columns.sourceAddress', width: 24 },
  { key: 'sourceSite', header: 'matrix:columns.sourceSite', width: 8 },
  { key: 'sourceZone', header: 'matrix:columns.sourceZone', width: 12 },
  { key: 'sourceRoles', header: 'matrix:columns.sourceRoles', width: 28 },
  { key: 'target', header: 'matrix:columns.target', width: 18 },
  { key: 'targetAddress', header: 'matrix:columns.targetAddress', width: 24 },
  { key: 'targetSite', header: 'matrix:columns.targetSite', width: 8 },
  { key: 'targetZone', header: 'matrix:columns.targetZone', width: 12 },
  { key: 'crossesZone', header: 'matrix:columns.crossesZone', width: 10 },
  { key: 'targetRoles', header: 'matrix:columns.targetRoles', width: 28 },
  { key: 'protocol', header: 'matrix:columns.protocol', width: 9 },
  { key: 'port', header: 'matrix:columns.port', width: 12 },
  { key: 'service', header: 'matrix:columns.service', width: 22 },
  { key: 'direction', header: 'matrix:columns.direction', width: 20 },
  { key: 'configurable', header: 'matrix:columns.configurable', width: 12 },
  { key: 'notes', header: 'matrix:columns.notes', width: 40 },
  { key: 'section', header: 'matrix:columns.section', width: 36 },
  { key: 'verified', header: 'matrix:columns.verified', width: 11 },
  { key: 'justification', header: 'matrix:columns.justification', width: 70 },
];

/**
 * @deprecated The English direction of a one-way flow: rows now write the direction in the
 * reader's language; test `row.bothInitiate` instead. Kept until the link inspector does.
 */
export const DIRECTION_ONE_WAY = 'one-way';

/**
 * Where the document's section lives on the web (anchors are lower case there).
 *
 * @param catalogue - Gives the published document's address.
 * @param anchor - A section anchor as the catalogue writes it.
 * @returns The address of the section.
 * @example
 * sectionUrl(catalogue, 'BKMK_PortsClient-DP'); // '…/hierarchy/ports#bkmk_portsclient-dp'
 */
export function sectionUrl(catalogue: Catalogue, anchor: string): string {
  return `${catalogue.source.url}#${anchor.toLowerCase()}`;
}

/**
 * The width of row ids for a matrix of `count` rows: four digits, more when there are more rows.
 *
 * @param count - How many rows the matrix has.
 * @returns How many digits each id carries.
 * @example
 * rowIdWidth(120); // 4
 * rowIdWidth(115_751); // 6
 */
export function rowIdWidth(count: number): number {
  return Math.max(4, String(count).length);
}

/**
 * The row of one flow: what {@link flowsToRows} makes for each flow, made alone (the panel makes
 * only the rows it shows).
 *
 * @param texts - The document's {@link RowTexts} (from `createRowTexts`).
 * @param flow - A derived flow.
 * @param i - Its position in the matrix order.
 * @param width - The digits of row ids ({@link rowIdWidth} of the flow count).
 * @returns The flow's row.
 * @example
 * makeRow(createRowTexts(document, words), flows[0], 0, rowIdWidth(flows.length)).id; // 'F-0001'
 */
export function makeRow(texts: RowTexts, flow: Flow, i: number, width: number): FlowRow {
  const s = texts.host(flow.initiator);
  const t = texts.host(flow.responder);
  return {
    sourceFqdn: s.fqdn,
    sourceIp: s.ip,
    sourceIpMissing: s.ipMissing,
    sourceZoneCidrs: s.zoneCidrs,
    targetFqdn: t.fqdn,
    targetIp: t.ip,
    targetIpMissing: t.ipMissing,
    targetZoneCidrs: t.zoneCidrs,
    sectionTitles: texts.sectionTitles(flow.sections),
    verified: texts.check(flow),
    id: `F-${String(i + 1).padStart(width, '0')}`,
    source: s.name,
    sourceAddress: s.address,
    sourceSite: s.site,
    sourceZone: s.zone,
    sourceRoles: texts.roles(flow.initiatorRoles),
    target: t.name,
    targetAddress: t.address,
    targetSite: t.site,
    targetZone: t.zone,
    crossesZone: texts.crosses(flow.initiator, flow.responder),
    targetRoles: texts.roles(flow.responderRoles),
    protocol: flow.protocol,
    port: flow.port,
    service: texts.service(flow.service),
    direction: texts.direction(flow.bothInitiate),
    bothInitiate: flow.bothInitiate,
    configurable: flow.configurable,
    notes: texts.notes(flow),
    sections: flow.sections,
    sectionUrl: sectionUrl(texts.catalogue, flow.sections[0] ?? ''),
    justification: `${s.name}${texts.middle(flow)}${t.name}${texts.tail(flow)}`,
    serviceId: flow.service,
    linkId: flow.linkId,
    sourceId: flow.initiator,
    targetId: flow.responder,
    sourceZoneId: s.zoneId,
    targetZoneId: t.zoneId,
    zonePair: zonePairKey(s.zoneId, t.zoneId),
    highRisk: flow.dynamic,
  };
}

/**
 * Turns derived flows into matrix rows. Pure; the one function behind the panel, CSV, JSON and
 * the workbook, so all of them show the same rows in the same order. (The panel and the store make
 * rows one at a time, as shown, through `createRowSource`; the rows are the same.)
 *
 * @param flows - Derived flows, in matrix order (as `deriveFlows` returns them).
 * @param document - The hosts and zones the flows refer to (names, addresses, sites, zones).
 * @param words - The reader's words (`rowWords(catalogue, language)` from src/i18n): role,
 *   service and note names, rule descriptions, the document's address and the sentences.
 * @param options - Optional test results by flow key, for the rows' `verified` ({@link RowOptions}).
 * @returns One row per flow, numbered F-0001, F-0002, … (wider when there are more flows).
 * @example
 * const { flows } = deriveFlows(document, catalogue);
 * const rows = flowsToRows(flows, document, rowWords(catalogue, 'en'));
 * rows[0].port; // { kind: 'single', port: 80 }
 * cellText(rows[0], 'port'); // '80'
 */
export function flowsToRows(
  flows: readonly Flow[],
  document: Pick<TopologyDocument, 'hosts' | 'zones'>,
  words: RowWords,
  options?: RowOptions,
): FlowRow[] {
  const texts = createRowTexts(document, words, options);
  const width = rowIdWidth(flows.length);
  return flows.map((flow, i) => makeRow(texts, flow, i, width));
}

/** A cell as a typed file (JSON, the workbook) writes it. */
export type FlowCellValue = string | number | boolean;

/**
 * A port as a typed file writes it: a single port as a number (a spreadsheet can sort and filter
 * it as one), a range as `lo-hi` text.
 *
 * @param port - A row's port.
 * @returns The port number, or the range's text.
 * @example
 * portValue({ kind: 'single', port: 443 }); // 443
 * portValue({ kind: 'range', from: 49152, to: 65535 }); // '49152-65535'
 */
export function portValue(port: FlowPort): number | string {
  return port.kind === 'single' ? port.port : formatPort(port);
}

/**
 * A cell's value for files that keep types (the CLI's JSON, the workbook): a single port stays a
 * number, a range becomes `lo-hi` text, the sections become anchors joined by `;` (the JSON
 * format README documents), every other column is its row field.
 *
 * @param row - A matrix row.
 * @param key - The column.
 * @returns A number, a string or a boolean.
 * @example
 * cellValue(row, 'port'); // 443, or '49152-65535' for a range
 * cellValue(row, 'section'); // 'BKMK_PortsClient-DP;BKMK_PortsClient-DP2'
 */
export function cellValue(row: FlowRow, key: FlowColumnKey): FlowCellValue {
  if (key === 'port') return portValue(row.port);
  if (key === 'section') return row.sections.join(';');
  return row[key];
}

/**
 * A cell's text as the panel, its filters and CSV show it: {@link cellValue} as text, booleans
 * as the reader's yes or no, a flow's test result in the reader's words.
 *
 * @param row - A matrix row.
 * @param key - The column.
 * @param words - The reader's yes, no and test result words (a {@link CellWords}).
 * @returns The text of the cell.
 * @example
 * cellText(row, 'port', words); // '443'
 * cellText(row, 'configurable', words); // 'no' ('nein' in German)
 * cellText(row, 'verified', words); // 'not tested'
 */
export function cellText(row: FlowRow, key: FlowColumnKey, words: CellWords): string {
  if (key === 'verified') return words.checks[row.verified];
  const value = cellValue(row, key);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  return String(value);
}
