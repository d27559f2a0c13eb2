/**
 * The shape of an export format. Each format is one file (xlsx-format.ts, csv.ts, json.ts) and one
 * entry in export-formats.ts; the toolbar's menu (through the app), the download and the CLI read
 * that registry, so adding a format touches nothing else.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import type { FlowRow } from '@/domain/rows';

/** `rows`: rows of the flow matrix written so far; `packing`: all rows written, the file is being packed. */
export type ExportPhase = 'rows' | 'packing';
export type ExportProgress = (done: number, total: number, phase?: ExportPhase) => void;

/** What every format builds from: the matrix rows and what they came from. */
export interface ExportInput {
  readonly rows: readonly FlowRow[];
  readonly document: TopologyDocument;
  readonly catalogue: Catalogue;
  /** The app's version (package.json), written where a format has room for it. */
  readonly appVersion?: string;
  /** Defaults to now. */
  readonly exportedAt?: Date;
  /**
   * A PNG of the current diagram, for the workbook's "Diagram" sheet. In a browser its buffer is
   * handed to the export worker (transferred), which leaves this array empty.
   */
  readonly diagramPng?: Uint8Array;
  /**
   * xlsx: phase `rows` before the first row and every `ROWS_PER_SLICE` rows, then once with
   * `done === total` and phase `packing` while the file is packed (one long step). Text formats:
   * once, when the text is ready.
   */
  readonly onProgress?: ExportProgress;
}

export interface ExportFormat<Id extends string = string> {
  /** What the CLI's `--format` and the app's menu pass. */
  readonly id: Id;
  /** The menu item, e.g. `Excel workbook (.xlsx)`. */
  readonly label: string;
  /** The menu item's second line. */
  readonly hint: string;
  /** What the file is, for notices: `Exported the flow matrix as a CSV file.` */
  readonly noun: string;
  readonly mime: string;
  /** Without the dot. */
  readonly extension: string;
  /** Bytes a terminal cannot show: the CLI writes them to a file only. */
  readonly binary: boolean;
  /** Builds the file: text or bytes, no DOM, so the CLI and the app share it. */
  build(input: ExportInput): Promise<string | Uint8Array>;
}
