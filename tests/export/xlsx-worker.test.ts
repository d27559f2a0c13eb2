import { catalogue } from '@/domain/default-catalogue';
import type { ExportRequest, ExportResponse } from '@/export/xlsx-worker-protocol';
import { loadExample, readWorkbook, rowsOf } from './support';

const document = loadExample('standalone-primary');
const rows = rowsOf(document);

describe('the worker entry (xlsx-worker.ts)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers messages on its global scope with progress and the transferred bytes', async () => {
    let listener: ((event: { data: ExportRequest }) => void) | undefined;
    const posted: { message: ExportResponse; transfer: Transferable[] }[] = [];
    const done = new Promise<void>((resolve) => {
      vi.stubGlobal('addEventListener', (type: string, fn: typeof listener) => {
        if (type === 'message') listener = fn;
      });
      vi.stubGlobal('postMessage', (message: ExportResponse, transfer: Transferable[]) => {
        posted.push({ message, transfer });
        if (message.type !== 'progress') resolve();
      });
    });
    await import('@/export/xlsx-worker');
    expect(listener).toBeTypeOf('function');
    listener!({ data: { type: 'rows', rows } });
    listener!({ data: { type: 'build', payload: { document, catalogue, rowCount: rows.length } } });
    await done;

    expect(posted.map((p) => p.message.type)).toEqual(['progress', 'progress', 'done']);
    const last = posted.at(-1)!;
    if (last.message.type !== 'done') throw new Error('no bytes');
    expect(last.transfer).toEqual([last.message.bytes.buffer]);
    const workbook = await readWorkbook(last.message.bytes);
    expect(workbook.getWorksheet('Flow matrix')!.rowCount).toBe(rows.length + 1);
  }, 30_000);
});
