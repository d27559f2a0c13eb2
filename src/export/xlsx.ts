/**
 * The flow matrix as an Excel workbook. exceljs is loaded with `import()` inside `writeWorkbook`, so
 * the spreadsheet library only lands in a lazy chunk of the app.
 *
 * Two engines write the same sheets through the API both share: Node's streaming writer (fast and
 * light: 100,000 rows in a few seconds), and the in-memory workbook, the only one in exceljs'
 * browser build and the only one that can embed a picture.
 */
import type { Alignment, Borders, Cell, Fill, Font, Style, Workbook, Worksheet } from 'exceljs';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { consolidateHostPairs } from '@/domain/host-pairs';
import { cellText, FLOW_COLUMNS, type FlowRow } from '@/domain/rows';

export interface WorkbookInput {
  readonly rows: readonly FlowRow[];
  readonly document: TopologyDocument;
  readonly catalogue: Catalogue;
  /** The app's version (package.json), shown on the notes sheet. */
  readonly appVersion?: string;
  /** Defaults to now. */
  readonly exportedAt?: Date;
  /** A PNG of the current diagram; adds the "Diagram" sheet. */
  readonly diagramPng?: Uint8Array;
  /**
   * Called with phase `rows` before the first row and every {@link ROWS_PER_SLICE} rows, then
   * once with `done === total` and phase `packing` when every row is written and the file is being
   * packed (one long step); the promise settles when the file is ready.
   */
  readonly onProgress?: WorkbookProgress;
}

/** `rows`: rows of the flow matrix written so far; `packing`: all rows written, the zip is being built. */
export type WorkbookPhase = 'rows' | 'packing';
export type WorkbookProgress = (done: number, total: number, phase?: WorkbookPhase) => void;

export interface WorkbookOptions {
  /**
   * `auto` (default) streams in Node when there is no picture and builds in memory otherwise;
   * the other values force one engine (tests and benchmarks).
   */
  readonly engine?: 'auto' | 'stream' | 'memory';
}

export const SHEET_NAMES = {
  matrix: 'Flow matrix',
  pairs: 'Host pairs',
  hosts: 'Hosts',
  notes: 'Notes and legend',
  diagram: 'Diagram',
} as const;

/** Excel's limit of characters in one cell. */
export const CELL_TEXT_LIMIT = 32_767;
/** Excel's limit of hyperlinks on one sheet; later section cells stay plain text. */
export const HYPERLINK_LIMIT = 65_530;
/** Rows of a sheet, header included. */
const SHEET_ROW_LIMIT = 1_048_576;
/** Rows written between two yields to the event loop (and progress reports). */
export const ROWS_PER_SLICE = 2_000;

const HIGH_RISK_FILL = 'FFFFC7CE';
const HIGH_RISK_FONT = 'FF9C0006';
const HEADER_FILL = 'FFE2E8F0';
const LINK_FONT = 'FF1D4ED8';
const FALLBACK_COLOUR = '#94a3b8';

// ---------------------------------------------------------------------------------------------
// Text

/**
 * Characters XML 1.0 cannot carry (exceljs would drop them) and CR (an XML reader turns it into
 * LF): written as Excel's `_xHHHH_` escape, as Excel itself writes them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot carry
const XML_INVALID = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]/g;
/** A literal `_` that a reader could take for the start of an `_xHHHH_` escape. */
const ESCAPE_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4})/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as XML_INVALID
const NEEDS_WORK = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}/;

function cutMarker(removed: number): string {
  return `… [cut: ${removed.toLocaleString('en-US')} more characters]`;
}

/**
 * Text as a workbook string cell keeps it: cut to Excel's 32,767 characters with a marker (never
 * splitting a surrogate pair), control characters and `_xHHHH_` look-alikes escaped so Excel and
 * LibreOffice read back exactly the text we had. Always a plain string; never a formula.
 */
export function cellString(text: string): string {
  let value = text;
  if (value.length > CELL_TEXT_LIMIT) {
    let keep = CELL_TEXT_LIMIT - cutMarker(value.length).length;
    while (keep + 1 + cutMarker(value.length - keep - 1).length <= CELL_TEXT_LIMIT) keep += 1;
    const last = value.charCodeAt(keep - 1);
    if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
    value = value.slice(0, keep) + cutMarker(value.length - keep);
  }
  if (!NEEDS_WORK.test(value)) return value;
  return value
    .replace(ESCAPE_LOOKALIKE, '_x005F_')
    .replace(XML_INVALID, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

// ---------------------------------------------------------------------------------------------
// Colours

function parseHex(colour: string): [number, number, number] {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour.trim()) ?? /^#?([0-9a-f]{6})$/i.exec(FALLBACK_COLOUR);
  const n = Number.parseInt(match?.[1] ?? '94a3b8', 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function argb([r, g, b]: readonly number[]): string {
  return `FF${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`.toUpperCase();
}

/** The catalogue colour as Excel's ARGB (`#2563eb` → `FF2563EB`). */
export function colourArgb(colour: string): string {
  return argb(parseHex(colour));
}

/** Share of white mixed into a service colour for a row fill, so black text stays readable. */
export const ROW_TINT = 0.8;

/** A light tint of a catalogue colour (`#2563eb` → `FFD3E0FB`), the fill of that service's rows. */
export function tintArgb(colour: string, amount = ROW_TINT): string {
  return argb(parseHex(colour).map((c) => c + (255 - c) * amount));
}

/** Black or white text, whichever reads better on the colour. */
function textOn(colour: string): string {
  const [r, g, b] = parseHex(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.3 ? 'FFFFFFFF' : 'FF000000';
}

function solid(colour: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
}

// ---------------------------------------------------------------------------------------------
// Styles, built once and shared by reference (never mutated after a cell holds them)

const THIN_BORDER: Partial<Borders> = { bottom: { style: 'thin', color: { argb: 'FF64748B' } } };

interface ServiceStyles {
  readonly row: Partial<Style>;
  readonly service: Partial<Style>;
  readonly link: Partial<Style>;
  readonly risk: Partial<Style>;
}

const HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  fill: solid(HEADER_FILL),
  border: THIN_BORDER,
  alignment: { vertical: 'middle' },
};
const RISK_FONT: Partial<Font> = { bold: true, color: { argb: HIGH_RISK_FONT } };
const TOP_WRAP: Partial<Alignment> = { vertical: 'top', wrapText: true };

function serviceStyles(catalogue: Catalogue): (serviceId: string) => ServiceStyles {
  const cache = new Map<string, ServiceStyles>();
  return (serviceId) => {
    let styles = cache.get(serviceId);
    if (!styles) {
      const colour = catalogue.serviceById.get(serviceId)?.color ?? FALLBACK_COLOUR;
      const rowFill = solid(tintArgb(colour));
      styles = {
        row: { fill: rowFill },
        service: { fill: solid(colourArgb(colour)), font: { bold: true, color: { argb: textOn(colour) } } },
        link: { fill: rowFill, font: { underline: true, color: { argb: LINK_FONT } } },
        risk: { fill: solid(HIGH_RISK_FILL), font: RISK_FONT },
      };
      cache.set(serviceId, styles);
    }
    return styles;
  };
}

// ---------------------------------------------------------------------------------------------
// Engine-neutral sheet writing (the API exceljs' Workbook and streaming WorkbookWriter share)

type ExcelJsModule = typeof import('exceljs');
/** The `Buffer` exceljs' typings declare for image data. */
type ExcelBuffer = NonNullable<Parameters<Workbook['addImage']>[0]['buffer']>;

interface Engine {
  readonly workbook: Workbook;
  finish(): Promise<Uint8Array>;
}

interface SheetSpec {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly width: number }[];
  /** Freeze the header row and put an autofilter on it. */
  readonly table: boolean;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Sheet-local defined names (`_xlnm._FilterDatabase`) that exceljs' DefinedNames cannot hold. */
interface LocalName {
  readonly name: string;
  readonly localSheetId: number;
  readonly ranges: string[];
}

/**
 * LibreOffice only shows an autofilter when the workbook defines the sheet-local
 * `_xlnm._FilterDatabase` name (Excel reads `<autoFilter>` alone). exceljs' DefinedNames drops
 * `localSheetId`, but both writers read the list from `definedNames.model`, so this adds the
 * entries there; exceljs renders `localSheetId` when present.
 */
function addLocalNames(workbook: Workbook, names: readonly LocalName[]): void {
  const definedNames = workbook.definedNames as unknown as { model: unknown[] };
  const proto = Object.getPrototypeOf(definedNames) as object;
  const base = Object.getOwnPropertyDescriptor(proto, 'model');
  const { get, set } = base ?? {};
  if (!get || !set) throw new Error('exceljs changed: definedNames.model is no accessor');
  Object.defineProperty(definedNames, 'model', {
    configurable: true,
    get: () => [...(get.call(definedNames) as unknown[]), ...names],
    set: (value: unknown) => set.call(definedNames, value),
  });
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

class SheetWriter {
  readonly sheet: Worksheet;
  private rowNumber = 0;

  constructor(
    engine: Engine,
    readonly spec: SheetSpec,
  ) {
    this.sheet = engine.workbook.addWorksheet(spec.name, {
      views: spec.table
        ? [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }]
        : [],
    });
    // exceljs leaves out a width of exactly 9 (its default), and Excel would then use 8.43.
    this.sheet.columns = spec.columns.map((c) => ({ width: c.width === 9 ? 9.14 : c.width }));
    if (spec.table)
      this.addRow(
        spec.columns.map((c) => c.header),
        HEADER_STYLE,
      );
  }

  get rows(): number {
    return this.rowNumber;
  }

  /** Adds a row of values (strings are made safe here), every cell in `style`, and commits it. */
  addRow(
    values: readonly (string | number | undefined)[],
    style?: Partial<Style>,
    dress?: (cell: (col: number) => Cell) => void,
  ): void {
    if (this.rowNumber >= SHEET_ROW_LIMIT) {
      throw new Error(`the "${this.spec.name}" sheet would exceed Excel's ${SHEET_ROW_LIMIT} rows`);
    }
    this.rowNumber += 1;
    const row = this.sheet.getRow(this.rowNumber);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      if (value !== undefined) cell.value = typeof value === 'string' ? cellString(value) : value;
      if (style) cell.style = style;
    });
    dress?.((col) => row.getCell(col));
    row.commit();
  }

  /** Autofilter over the header and the rows written so far; call after the last row. */
  filterName(localSheetId: number): LocalName | undefined {
    if (!this.spec.table) return undefined;
    const last = columnLetter(this.spec.columns.length);
    const bottom = Math.max(this.rowNumber, 1);
    this.sheet.autoFilter = `A1:${last}${bottom}`;
    return {
      name: '_xlnm._FilterDatabase',
      localSheetId,
      ranges: [`${quoteSheet(this.spec.name)}!$A$1:$${last}$${bottom}`],
    };
  }
}

function toUint8Array(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

function createEngine(ExcelJS: ExcelJsModule, streaming: boolean): Engine {
  if (streaming) {
    const WorkbookWriter = ExcelJS.stream?.xlsx?.WorkbookWriter;
    if (!WorkbookWriter) throw new Error('the streaming xlsx writer is only available in Node');
    // No `stream` option: the writer collects the file in its own memory buffer.
    const writer = new WorkbookWriter({ useStyles: true, useSharedStrings: true });
    return {
      workbook: writer,
      async finish() {
        await writer.commit();
        const buffer = (writer as unknown as { stream: { read(): ArrayBufferView } }).stream.read();
        return toUint8Array(buffer);
      },
    };
  }
  const workbook = new ExcelJS.Workbook();
  return {
    workbook,
    async finish() {
      return toUint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings: true, useStyles: true }));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Sheets

async function writeMatrix(
  writer: SheetWriter,
  input: WorkbookInput,
  styleFor: (serviceId: string) => ServiceStyles,
): Promise<{ linked: number }> {
  const { rows, onProgress } = input;
  const portCol = FLOW_COLUMNS.findIndex((c) => c.key === 'port') + 1;
  const notesCol = FLOW_COLUMNS.findIndex((c) => c.key === 'notes') + 1;
  const serviceCol = FLOW_COLUMNS.findIndex((c) => c.key === 'service') + 1;
  const sectionCol = FLOW_COLUMNS.findIndex((c) => c.key === 'section') + 1;
  let linked = 0;
  onProgress?.(0, rows.length, 'rows');
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i]!;
    const styles = styleFor(row.serviceId);
    const values = FLOW_COLUMNS.map((c) => (c.key === 'port' ? row.port : cellText(row, c.key)));
    const link = row.sectionUrl !== '' && linked < HYPERLINK_LIMIT;
    if (link) linked += 1;
    writer.addRow(values, styles.row, (cell) => {
      cell(serviceCol).style = styles.service;
      if (link) {
        const section = cell(sectionCol);
        section.value = { text: cellString(row.section), hyperlink: row.sectionUrl, tooltip: row.sectionUrl };
        section.style = styles.link;
      }
      if (row.highRisk) {
        cell(portCol).style = styles.risk;
        cell(notesCol).style = styles.risk;
      }
    });
    if ((i + 1) % ROWS_PER_SLICE === 0 && i + 1 < rows.length) {
      onProgress?.(i + 1, rows.length, 'rows');
      await yieldToEventLoop();
    }
  }
  return { linked };
}

function writeHostPairs(writer: SheetWriter, rows: readonly FlowRow[]): number {
  const pairs = consolidateHostPairs(rows);
  for (const pair of pairs) {
    writer.addRow(
      [
        pair.source,
        pair.sourceAddress,
        pair.sourceZone,
        pair.target,
        pair.targetAddress,
        pair.targetZone,
        pair.portsText,
        pair.services.join(', '),
        pair.highRisk ? 'HIGH RISK: RPC dynamic range (note 6)' : '',
        pair.ruleIds.join(', '),
      ],
      undefined,
      (cell) => {
        cell(7).alignment = TOP_WRAP;
        if (pair.highRisk) cell(9).font = RISK_FONT;
      },
    );
  }
  return pairs.length;
}

function writeHosts(writer: SheetWriter, document: TopologyDocument, catalogue: Catalogue): void {
  const zoneName = new Map(document.zones.map((z) => [z.id, z.name]));
  for (const host of document.hosts) {
    writer.addRow([
      host.name,
      host.fqdn ?? '',
      host.ip ?? '',
      host.site ?? '',
      (host.zone && zoneName.get(host.zone)) || '',
      host.roles.map((id) => catalogue.roleById.get(id)?.name ?? id).join(', '),
    ]);
  }
}

function formatStamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function writeNotes(
  writer: SheetWriter,
  input: WorkbookInput,
  counts: { flows: number; pairs: number; linked: number },
  styleFor: (serviceId: string) => ServiceStyles,
): void {
  const { catalogue, document } = input;
  const bold: Partial<Style> = { font: { bold: true } };
  const heading: Partial<Style> = { font: { bold: true, size: 13 } };
  const source = catalogue.source;
  writer.addRow(['Configuration Manager port plan: flow matrix'], { font: { bold: true, size: 15 } });
  writer.addRow([]);
  const facts: [string, string | number][] = [
    ['Topology', document.name],
    ['Exported', formatStamp(input.exportedAt ?? new Date())],
    ['App version', input.appVersion ?? 'unknown'],
    ['Port document', source.title],
    ['Document edition', `${source.edition} (${source.date})`],
    ['Document address', source.url],
    ['Flows', counts.flows],
    ['Host pairs', counts.pairs],
    ['Hosts', document.hosts.length],
  ];
  for (const [label, value] of facts) {
    writer.addRow([label, value], undefined, (cell) => {
      cell(1).style = bold;
      if (label === 'Document address') {
        cell(2).value = { text: cellString(source.url), hyperlink: source.url };
        cell(2).font = { underline: true, color: { argb: LINK_FONT } };
      }
      cell(2).alignment = { horizontal: 'left' };
    });
  }
  if (counts.flows === 0) {
    writer.addRow(
      ['No flows', 'This topology yields no flows: link hosts that hold roles to derive them.'],
      bold,
    );
  }
  if (counts.linked < counts.flows) {
    writer.addRow([
      'Section links',
      `Excel allows ${HYPERLINK_LIMIT.toLocaleString('en-US')} links per sheet: the first ${counts.linked.toLocaleString('en-US')} rows link their section, later rows show the anchor as text.`,
    ]);
  }

  writer.addRow([]);
  writer.addRow(['Notes of the port document (in our words)'], heading);
  writer.addRow(['Note', 'Title', 'What it means'], HEADER_STYLE);
  for (const note of catalogue.notes) {
    writer.addRow([`Note ${note.number}`, note.title, note.text], undefined, (cell) => {
      cell(1).alignment = { vertical: 'top' };
      cell(2).style = { font: { bold: true }, alignment: TOP_WRAP };
      cell(3).alignment = TOP_WRAP;
    });
  }

  writer.addRow([]);
  writer.addRow(['Colour legend'], heading);
  writer.addRow(['Service', 'Colour', 'Row fill', 'What it covers'], HEADER_STYLE);
  for (const service of catalogue.services) {
    const styles = styleFor(service.id);
    writer.addRow(
      [service.name, service.color.toUpperCase(), 'rows of this service', service.description],
      undefined,
      (cell) => {
        cell(2).style = styles.service;
        cell(3).style = styles.row;
        cell(4).alignment = TOP_WRAP;
      },
    );
  }
  writer.addRow(
    [
      'High risk',
      'RPC dynamic range',
      'port and notes cells',
      'A flow opening the RPC dynamic range (note 6).',
    ],
    undefined,
    (cell) => {
      cell(2).style = { fill: solid(HIGH_RISK_FILL), font: RISK_FONT };
      cell(3).style = { fill: solid(HIGH_RISK_FILL), font: RISK_FONT };
      cell(4).alignment = TOP_WRAP;
    },
  );
}

/** Width and height of a PNG, from its IHDR chunk; undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** Largest picture size on the sheet, in pixels; bigger diagrams are scaled down (the file keeps every pixel). */
const DIAGRAM_MAX = { width: 1800, height: 1800 };

function writeDiagram(engine: Engine, input: WorkbookInput, png: Uint8Array): void {
  const writer = new SheetWriter(engine, {
    name: SHEET_NAMES.diagram,
    columns: [{ header: '', width: 12 }],
    table: false,
  });
  const size = pngSize(png);
  if (!size) {
    writer.addRow(['The diagram picture could not be embedded: it is not a PNG image.']);
    return;
  }
  writer.addRow([`Diagram of ${input.document.name}`], { font: { bold: true, size: 13 } });
  const scale = Math.min(1, DIAGRAM_MAX.width / size.width, DIAGRAM_MAX.height / size.height);
  // exceljs' typings want a Node Buffer; its zip writers (JSZip, archiver) take any Uint8Array.
  const imageId = engine.workbook.addImage({ buffer: png as unknown as ExcelBuffer, extension: 'png' });
  writer.sheet.addImage(imageId, {
    tl: { col: 0, row: 1 },
    ext: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
  });
}

// ---------------------------------------------------------------------------------------------

const PAIR_COLUMNS = [
  { header: 'Source host', width: 18 },
  { header: 'Source FQDN/IP', width: 24 },
  { header: 'Source zone', width: 12 },
  { header: 'Destination host', width: 18 },
  { header: 'Destination FQDN/IP', width: 24 },
  { header: 'Destination zone', width: 12 },
  { header: 'Ports', width: 40 },
  { header: 'Services', width: 36 },
  { header: 'Risk', width: 22 },
  { header: 'Rules', width: 30 },
];

const HOST_COLUMNS = [
  { header: 'Name', width: 20 },
  { header: 'FQDN', width: 28 },
  { header: 'IP', width: 18 },
  { header: 'Site', width: 8 },
  { header: 'Zone', width: 16 },
  { header: 'Roles', width: 60 },
];

const NOTES_COLUMNS = [
  { header: '', width: 22 },
  { header: '', width: 32 },
  { header: '', width: 22 },
  { header: '', width: 90 },
];

/**
 * Builds the workbook: "Flow matrix", "Host pairs", "Hosts", "Notes and legend" and, with a
 * picture, "Diagram". Works in Node, in a browser and in a worker; yields to the event loop every
 * {@link ROWS_PER_SLICE} rows. The final packing is one long step (seconds for 100,000 rows in
 * memory), so the app runs this in a worker (xlsx-worker.ts).
 */
export async function writeWorkbook(
  input: WorkbookInput,
  options: WorkbookOptions = {},
): Promise<Uint8Array> {
  const imported = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  const ExcelJS = imported.default ?? imported;
  const canStream = Boolean(ExcelJS.stream?.xlsx?.WorkbookWriter);
  const engineName = options.engine ?? 'auto';
  const streaming = engineName === 'stream' || (engineName === 'auto' && canStream && !input.diagramPng);
  if (streaming && input.diagramPng) throw new Error('the streaming writer cannot embed the diagram picture');
  const engine = createEngine(ExcelJS, streaming);
  const { workbook } = engine;
  workbook.creator = 'CM Port Planner';
  workbook.title = cellString(input.document.name);
  workbook.created = input.exportedAt ?? new Date();

  const styleFor = serviceStyles(input.catalogue);
  const matrix = new SheetWriter(engine, { name: SHEET_NAMES.matrix, columns: FLOW_COLUMNS, table: true });
  const { linked } = await writeMatrix(matrix, input, styleFor);
  const pairs = new SheetWriter(engine, { name: SHEET_NAMES.pairs, columns: PAIR_COLUMNS, table: true });
  const pairCount = writeHostPairs(pairs, input.rows);
  const hosts = new SheetWriter(engine, { name: SHEET_NAMES.hosts, columns: HOST_COLUMNS, table: true });
  writeHosts(hosts, input.document, input.catalogue);
  const notes = new SheetWriter(engine, { name: SHEET_NAMES.notes, columns: NOTES_COLUMNS, table: false });
  writeNotes(notes, input, { flows: input.rows.length, pairs: pairCount, linked }, styleFor);
  if (input.diagramPng) writeDiagram(engine, input, input.diagramPng);

  const names = [matrix, pairs, hosts].map((sheet, index) => sheet.filterName(index));
  addLocalNames(
    workbook,
    names.filter((n): n is LocalName => n !== undefined),
  );
  input.onProgress?.(input.rows.length, input.rows.length, 'packing');
  // Lets a page paint the packing state before the one long step.
  await yieldToEventLoop();
  return engine.finish();
}
