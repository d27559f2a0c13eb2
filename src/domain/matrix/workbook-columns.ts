import type { FlowCheck } from '../results/import-results';
import { type FlowCellValue, type FlowRow, portValue } from '../rows';
import type { YesNo } from './row-words';

/**
 * A column of the workbook's matrix sheet: the panel's columns (FLOW_COLUMNS) with the addresses
 * apart, the zones' ranges, the section's heading beside its anchor, the test result, a colour
 * strip first and the change workflow's empty columns last. (CSV stays the panel's columns.)
 */
export type WorkbookColumnKey =
  | 'strip'
  | 'id'
  | 'source'
  | 'sourceFqdn'
  | 'sourceIp'
  | 'sourceSite'
  | 'sourceZone'
  | 'sourceZoneCidrs'
  | 'sourceRoles'
  | 'target'
  | 'targetFqdn'
  | 'targetIp'
  | 'targetSite'
  | 'targetZone'
  | 'targetZoneCidrs'
  | 'targetRoles'
  | 'crossesZone'
  | 'protocol'
  | 'port'
  | 'service'
  | 'direction'
  | 'configurable'
  | 'notes'
  | 'sectionTitle'
  | 'sectionAnchor'
  | 'justification'
  | 'verified'
  | 'status'
  | 'ticket'
  | 'owner'
  | 'comment';

export interface WorkbookColumn {
  readonly key: WorkbookColumnKey;
  /** The header's message key; none for the colour strip (a narrow cell with no words). */
  readonly header?: `matrix:columns.${Exclude<WorkbookColumnKey, 'strip'>}`;
  /** Width in characters. */
  readonly width: number;
}

/** The matrix sheet's columns, in order. */
export const WORKBOOK_COLUMNS: readonly WorkbookColumn[] = [
  { key: 'strip', width: 2 },
  { key: 'id', header: 'matrix:columns.id', width: 8 },
  { key: 'source', header: 'matrix:columns.source', width: 18 },
  { key: 'sourceFqdn', header: 'matrix:columns.sourceFqdn', width: 24 },
  { key: 'sourceIp', header: 'matrix:columns.sourceIp', width: 15 },
  { key: 'sourceSite', header: 'matrix:columns.sourceSite', width: 8 },
  { key: 'sourceZone', header: 'matrix:columns.sourceZone', width: 12 },
  { key: 'sourceZoneCidrs', header: 'matrix:columns.sourceZoneCidrs', width: 16 },
  { key: 'sourceRoles', header: 'matrix:columns.sourceRoles', width: 24 },
  { key: 'target', header: 'matrix:columns.target', width: 18 },
  { key: 'targetFqdn', header: 'matrix:columns.targetFqdn', width: 24 },
  { key: 'targetIp', header: 'matrix:columns.targetIp', width: 15 },
  { key: 'targetSite', header: 'matrix:columns.targetSite', width: 8 },
  { key: 'targetZone', header: 'matrix:columns.targetZone', width: 12 },
  { key: 'targetZoneCidrs', header: 'matrix:columns.targetZoneCidrs', width: 16 },
  { key: 'targetRoles', header: 'matrix:columns.targetRoles', width: 24 },
  { key: 'crossesZone', header: 'matrix:columns.crossesZone', width: 10 },
  { key: 'protocol', header: 'matrix:columns.protocol', width: 9 },
  { key: 'port', header: 'matrix:columns.port', width: 12 },
  { key: 'service', header: 'matrix:columns.service', width: 20 },
  { key: 'direction', header: 'matrix:columns.direction', width: 14 },
  { key: 'configurable', header: 'matrix:columns.configurable', width: 11 },
  { key: 'notes', header: 'matrix:columns.notes', width: 30 },
  { key: 'sectionTitle', header: 'matrix:columns.sectionTitle', width: 34 },
  { key: 'sectionAnchor', header: 'matrix:columns.sectionAnchor', width: 26 },
  { key: 'justification', header: 'matrix:columns.justification', width: 50 },
  { key: 'verified', header: 'matrix:columns.verified', width: 12 },
  { key: 'status', header: 'matrix:columns.status', width: 13 },
  { key: 'ticket', header: 'matrix:columns.ticket', width: 12 },
  { key: 'owner', header: 'matrix:columns.owner', width: 14 },
  { key: 'comment', header: 'matrix:columns.comment', width: 30 },
];

/** The change workflow's states, in the order a request goes through them (the status list). */
export const WORKFLOW_STATUSES = ['requested', 'approved', 'implemented', 'verified', 'blocked'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** The words a workbook cell may need beyond the row's own texts. */
export interface WorkbookWords extends YesNo {
  /** What an IP cell of a host without an IP says. */
  readonly ipMissing: string;
  /** The test result's words. */
  readonly checks: Readonly<Record<FlowCheck | 'untested', string>>;
}

/**
 * A matrix sheet cell's value: a single port stays a number (a spreadsheet sorts it as one), everything
 * else is text in the reader's words. Zone ranges are joined by `, `, section headings by `; `,
 * anchors by `;` (as the panel's section column); the strip and the workflow columns are empty.
 *
 * @param row - A matrix row.
 * @param key - The column.
 * @param words - Yes and no, the "IP missing" text and the test result's words.
 * @returns A number or a string.
 * @example
 * workbookCellValue(row, 'sourceIp', words); // '10.0.0.5', or words.ipMissing when the host needs one
 * workbookCellValue(row, 'port', words); // 443
 * workbookCellValue(row, 'verified', words); // 'not tested'
 */
export function workbookCellValue(
  row: FlowRow,
  key: WorkbookColumnKey,
  words: WorkbookWords,
): number | string {
  switch (key) {
    case 'strip':
    case 'status':
    case 'ticket':
    case 'owner':
    case 'comment':
      return '';
    case 'sourceIp':
      return row.sourceIpMissing ? words.ipMissing : row.sourceIp;
    case 'targetIp':
      return row.targetIpMissing ? words.ipMissing : row.targetIp;
    case 'sourceZoneCidrs':
    case 'targetZoneCidrs':
      return row[key].join(', ');
    case 'sectionTitle':
      return row.sectionTitles.join('; ');
    case 'sectionAnchor':
      return row.sections.join(';');
    case 'verified':
      return words.checks[row.verified];
    case 'port':
      return portValue(row.port);
    default:
      return text(row[key], words);
  }
}

function text(value: FlowCellValue, words: YesNo): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  return String(value);
}
