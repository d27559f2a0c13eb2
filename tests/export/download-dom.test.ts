// @vitest-environment jsdom
import { catalogue } from '@/domain/default-catalogue';
import { buildExport, EMPTY_EXPORT_REASON } from '@/export/export-formats';
import { downloadFile } from '@/store/download';
import { loadExample, rowsOf } from './support';

const document = loadExample('standalone-primary');
const rows = rowsOf(document);

/** What the app does on an export: build the file from the registry, then download it. */
async function exportAndDownload(format: string, exportRows = rows) {
  const { blob, fileName } = await buildExport(format, { document, catalogue, rows: exportRows });
  downloadFile(blob, fileName);
}

describe('downloads in the page', () => {
  let created: Blob[];
  let clicks: { href: string; download: string; attached: boolean }[];

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    created = [];
    clicks = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return `blob:test/${created.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('downloadFile clicks a link to an object URL, removes it and frees the URL later', () => {
    downloadFile(new Blob(['x']), 'a.csv');
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'a.csv', attached: true }]);
    expect(globalThis.document.querySelectorAll('a')).toHaveLength(0);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });

  it('downloadFile wraps text in a Blob of the given type', async () => {
    downloadFile('{"a":1}', 'diagram.cmports.json', 'application/json');
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'diagram.cmports.json', attached: true }]);
    expect(created[0]?.type).toBe('application/json');
    expect(await created[0]?.text()).toBe('{"a":1}');
  });

  it('an export downloads the CSV named after the diagram and today', async () => {
    await exportAndDownload('csv');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toMatch(/^standalone-primary-site-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
  });

  it('an export refuses an empty diagram and downloads nothing', async () => {
    await expect(exportAndDownload('xlsx', [])).rejects.toThrow(EMPTY_EXPORT_REASON);
    expect(clicks).toHaveLength(0);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});
