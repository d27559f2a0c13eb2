/**
 * The shape of an export format. Each format is one file (xlsx-format.ts, csv.ts, json.ts) and one
 * entry in export-formats.ts; the toolbar's menu (through the app), the download and the CLI read
 * that registry, so adding a format touches nothing else.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import type { FlowRow } from '@/domain/rows';
import type { Language } from '@/i18n/languages';

/** `rows`: rows of the flow matrix written so far; `packing`: all rows written, the file is being packed. */
export type ExportPhase = 'rows' | 'packing';
export type ExportProgress = (done: number, total: number, phase?: ExportPhase) => void;

/** What every format builds from: the matrix rows and what they came from. */
export interface ExportInput {
  readonly rows: readonly FlowRow[];
  readonly document: TopologyDocument;
  readonly catalogue: Catalogue;
  /**
   * The language the file is written in (headers, sheet names, notes, yes/no); the rows come in it
   * already (`rowWords(catalogue, language)`). English when not given.
   */
  readonly language?: Language;
  /** The app's version (package.json), written where a format has room for it. */
  readonly appVersion?: string;
  /** Defaults to now. */
  readonly exportedAt?: Date;
  /**
   * A PNG of the current diagram, for the workbook's "Diagram" sheet. In a browser its buffer is
   * handed to the export worker (transferred), which leaves this array empty.
   */
  readonly diagramPng?: Uint8Array;
  /** Why the Diagram sheet is left out (the picture could not be drawn): said on the Notes sheet. */
  readonly pictureLeftOut?: string;
  /**
   * xlsx: phase `rows` before the first row and every `ROWS_PER_SLICE` rows, then once with
   * `done === total` and phase `packing` while the file is packed (one long step). Text formats:
   * once, when the text is ready.
   */
  readonly onProgress?: ExportProgress;
}

/** A format's words in the `export` namespace. */
export type FormatKey =
  `export:formats.${'xlsx' | 'csv' | 'json' | 'ps1Firewall' | 'ps1Test'}.${'label' | 'hint' | 'noun'}`;

export interface ExportFormat<Id extends string = string> {
  /** What the CLI's `--format` and the app's menu pass. */
  readonly id: Id;
  /** The menu item in English, e.g. `Excel workbook (.xlsx)` (the CLI's help). */
  readonly label: string;
  /** The menu item's second line, in English. */
  readonly hint: string;
  /** What the file is, in English, for notices: `Exported the flow matrix as a CSV file.` */
  readonly noun: string;
  /**
   * The message keys of `label`, `hint` and `noun` (`export:formats.<id>.label`, …), for the menu
   * and the notices in the app's language.
   */
  readonly words: { readonly label: FormatKey; readonly hint: FormatKey; readonly noun: FormatKey };
  readonly mime: string;
  /** Without the dot. */
  readonly extension: string;
  /** Bytes a terminal cannot show: the CLI writes them to a file only. */
  readonly binary: boolean;
  /** Builds the file: text or bytes, no DOM, so the CLI and the app share it. */
  build(input: ExportInput): Promise<string | Uint8Array>;
}
