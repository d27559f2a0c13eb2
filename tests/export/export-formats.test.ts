import { catalogue } from '@/domain/default-catalogue';
import type { ExportInput } from '@/export/export-format';
import {
  buildExport,
  EMPTY_EXPORT_REASON,
  EXPORT_FORMATS,
  exportFormatList,
  findExportFormat,
} from '@/export/export-formats';
import { writeWorkbook } from '@/export/xlsx';
import { createExportHandler, type ExportRequest } from '@/export/xlsx-worker-protocol';
import packageJson from '../../package.json';
import { loadExample, readWorkbook, rowsOf, TINY_PNG } from './support';

const document = loadExample('standalone-primary');
const rows = rowsOf(document);
const now = new Date(2026, 10, 25, 14, 3);
const mimeOf = (id: string) => findExportFormat(id)?.mime;

describe('the export registry', () => {
  it('lists xlsx, csv, json and the two PowerShell scripts in menu order, each with its file type', () => {
    expect(EXPORT_FORMATS.map((f) => f.id)).toEqual(['xlsx', 'csv', 'json', 'ps1-firewall', 'ps1-test']);
    expect(EXPORT_FORMATS.map((f) => [f.id, f.extension, f.mime, f.binary])).toEqual([
      ['xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', true],
      ['csv', 'csv', 'text/csv;charset=utf-8', false],
      ['json', 'json', 'application/json;charset=utf-8', false],
      ['ps1-firewall', 'firewall.ps1', 'text/plain;charset=utf-8', false],
      ['ps1-test', 'connectivity-test.ps1', 'text/plain;charset=utf-8', false],
    ]);
    expect(exportFormatList()).toBe('xlsx, csv, json, ps1-firewall or ps1-test');
  });

  it('finds formats by id only', () => {
    expect(findExportFormat('csv')?.label).toBe('CSV (.csv)');
    expect(findExportFormat('pdf')).toBeUndefined();
    expect(findExportFormat('toString')).toBeUndefined();
  });
});

describe('export file names', () => {
  it('names the file after the diagram and the local date', async () => {
    const csv = await buildExport('csv', { document, catalogue, rows }, now);
    expect(csv.fileName).toBe('standalone-primary-site-2026-11-25.csv');
    const renamed = { ...document, name: 'Hierarchy' };
    const json = await buildExport('json', { document: renamed, catalogue, rows }, new Date(2027, 0, 5));
    expect(json.fileName).toBe('hierarchy-2027-01-05.json');
  });

  it('falls back to flow-matrix when the name leaves nothing', async () => {
    const blank = { ...document, name: '🖥️🖥️' };
    const { fileName } = await buildExport('json', { document: blank, catalogue, rows }, now);
    expect(fileName).toBe('flow-matrix-2026-11-25.json');
  });
});

describe('buildExport', () => {
  it.each(['xlsx', 'csv', 'json', 'ps1-firewall', 'ps1-test'] as const)(
    'refuses an empty diagram as %s with a reason',
    async (format) => {
      await expect(buildExport(format, { document, catalogue, rows: [] }, now)).rejects.toThrow(
        EMPTY_EXPORT_REASON,
      );
    },
  );

  it('refuses an unknown format', async () => {
    await expect(buildExport('pdf', { document, catalogue, rows }, now)).rejects.toThrow(
      /Unknown export format "pdf" \(use xlsx, csv, json, ps1-firewall or ps1-test\)/,
    );
    await expect(buildExport('toString', { document, catalogue, rows }, now)).rejects.toThrow(
      /Unknown export format/,
    );
  });

  it('builds CSV with a BOM and the CSV type', async () => {
    const { blob, fileName } = await buildExport('csv', { document, catalogue, rows }, now);
    expect(fileName).toBe('standalone-primary-site-2026-11-25.csv');
    expect(blob.type).toBe(mimeOf('csv'));
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('builds JSON of the rows', async () => {
    const progress: number[][] = [];
    const { blob } = await buildExport(
      'json',
      { document, catalogue, rows, onProgress: (d, t) => progress.push([d, t]) },
      now,
    );
    expect(blob.type).toBe(mimeOf('json'));
    expect(JSON.parse(await blob.text())).toHaveLength(rows.length);
    expect(progress).toEqual([[rows.length, rows.length]]);
  });

  it('builds the workbook with the app version, the date and the diagram picture', async () => {
    const progress: number[][] = [];
    const { blob, fileName } = await buildExport(
      'xlsx',
      { document, catalogue, rows, diagramPng: TINY_PNG, onProgress: (d, t) => progress.push([d, t]) },
      now,
    );
    expect(fileName).toBe('standalone-primary-site-2026-11-25.xlsx');
    expect(blob.type).toBe(mimeOf('xlsx'));
    const workbook = await readWorkbook(new Uint8Array(await blob.arrayBuffer()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Flow matrix',
      'Host pairs',
      'Zone pairs',
      'Hosts',
      'Notes and legend',
      'Diagram',
    ]);
    const texts: string[] = [];
    workbook.getWorksheet('Notes and legend')!.eachRow((row) => {
      texts.push(String(row.getCell(2).value));
    });
    expect(texts).toContain(packageJson.version);
    expect(texts).toContain(`${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    expect(progress.at(-1)).toEqual([rows.length, rows.length]);
  });
});

/**
 * A stand-in for the browser's Worker: runs the worker's message handler in this thread, every
 * message crossing a structured clone with its transfer list, as between page and worker.
 */
function stubWorker(write: (input: ExportInput) => Promise<Uint8Array>) {
  const started: { url: string; options: unknown; terminated: boolean }[] = [];
  class StubWorker extends EventTarget {
    private readonly record: (typeof started)[number];
    private readonly handle = createExportHandler(write);
    constructor(url: URL, options: unknown) {
      super();
      this.record = { url: String(url), options, terminated: false };
      started.push(this.record);
    }
    postMessage(message: ExportRequest, transfer: Transferable[]) {
      const copy = structuredClone(message, { transfer });
      queueMicrotask(() => {
        void this.handle(copy, (answer, back) => {
          const event = new Event('message');
          Object.defineProperty(event, 'data', { value: structuredClone(answer, { transfer: back }) });
          if (!this.record.terminated) this.dispatchEvent(event);
        });
      });
    }
    terminate() {
      this.record.terminated = true;
    }
  }
  vi.stubGlobal('Worker', StubWorker);
  return started;
}

describe('buildExport where the platform has workers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds the workbook in a module worker, forwards progress with its phase, then ends the worker', async () => {
    const started = stubWorker((input) => writeWorkbook(input, { engine: 'memory' }));
    const progress: [number, number, string | undefined][] = [];
    const diagramPng = TINY_PNG.slice();
    const { blob } = await buildExport(
      'xlsx',
      { document, catalogue, rows, diagramPng, onProgress: (d, t, phase) => progress.push([d, t, phase]) },
      now,
    );
    expect(started).toHaveLength(1);
    expect(started[0]!.url).toMatch(/\/src\/export\/xlsx-worker\.ts$/);
    expect(started[0]!.options).toEqual({ type: 'module' });
    expect(started[0]!.terminated).toBe(true);
    expect(diagramPng.byteLength).toBe(0);
    expect(progress).toEqual([
      [0, rows.length, 'rows'],
      [rows.length, rows.length, 'packing'],
    ]);
    const workbook = await readWorkbook(new Uint8Array(await blob.arrayBuffer()));
    expect(workbook.worksheets.map((s) => s.name)).toContain('Diagram');
    const texts: string[] = [];
    workbook.getWorksheet('Notes and legend')!.eachRow((row) => {
      texts.push(String(row.getCell(2).value));
    });
    expect(texts).toContain(packageJson.version);
    expect(texts).toContain(`${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  });

  it("rejects with the worker's error message and ends the worker", async () => {
    const started = stubWorker(async () => {
      throw new Error('out of memory while packing');
    });
    await expect(buildExport('xlsx', { document, catalogue, rows }, now)).rejects.toThrow(
      /^out of memory while packing$/,
    );
    expect(started[0]!.terminated).toBe(true);
  });

  it('writes in this thread when a worker cannot be started', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('blocked by the content security policy', 'SecurityError');
        }
      },
    );
    const { blob } = await buildExport('xlsx', { document, catalogue, rows }, now);
    const workbook = await readWorkbook(new Uint8Array(await blob.arrayBuffer()));
    expect(workbook.getWorksheet('Flow matrix')!.rowCount).toBe(rows.length + 1);
  });

  it('builds CSV without a worker', async () => {
    const started = stubWorker(async () => new Uint8Array(1));
    await buildExport('csv', { document, catalogue, rows }, now);
    expect(started).toHaveLength(0);
  });
});
