// @vitest-environment jsdom
import { catalogue } from '@/domain/default-catalogue';
import { downloadBlob, EMPTY_EXPORT_REASON, exportFlowMatrix } from '@/export/download';
import { loadExample, rowsOf } from './support';

const document = loadExample('standalone-primary');
const rows = rowsOf(document);

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

  it('downloadBlob clicks a link to an object URL, removes it and frees the URL later', () => {
    downloadBlob(new Blob(['x']), 'a.csv');
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'a.csv', attached: true }]);
    expect(globalThis.document.querySelectorAll('a')).toHaveLength(0);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });

  it('exportFlowMatrix downloads the CSV named after the diagram and today', async () => {
    await exportFlowMatrix('csv', { document, catalogue, rows });
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toMatch(/^standalone-primary-site-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
  });

  it('exportFlowMatrix refuses an empty diagram and downloads nothing', async () => {
    await expect(exportFlowMatrix('xlsx', { document, catalogue, rows: [] })).rejects.toThrow(
      EMPTY_EXPORT_REASON,
    );
    expect(clicks).toHaveLength(0);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});
