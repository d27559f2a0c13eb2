import { MessageChannel } from 'node:worker_threads';
import { catalogue } from '@/domain/default-catalogue';
import type { FlowRow } from '@/domain/rows';
import type { ExportInput } from '@/export/export-format';
import { SHEET_NAMES, writeWorkbook } from '@/export/xlsx';
import { ROWS_PER_SLICE } from '@/export/xlsx/matrix-sheet';
import {
  buildInWorker,
  createExportHandler,
  type ExportRequest,
  type ExportResponse,
  type ExportWorkerLike,
  ROWS_PER_MESSAGE,
} from '@/export/xlsx-worker-protocol';
import { loadExample, readWorkbook, rowsOf, TINY_PNG } from './support';

const document = loadExample('standalone-primary');
const rows = rowsOf(document);
const exportedAt = new Date('2026-11-25T09:30:00Z');

/** `count` rows cycled from the example, numbered so every row is distinct. */
function manyRows(count: number): FlowRow[] {
  return Array.from({ length: count }, (_, i) => ({ ...rows[i % rows.length]!, id: `F-${i + 1}` }));
}

/** The browser's in-memory engine, as the worker runs it. */
const writeInMemory = (input: ExportInput) => writeWorkbook(input, { engine: 'memory' });

/** Posts as a worker does: a structured clone that moves the transferred buffers. */
function recorder() {
  const posted: ExportResponse[] = [];
  const transfers: Transferable[][] = [];
  const post = (message: ExportResponse, transfer: Transferable[]) => {
    posted.push(structuredClone(message, { transfer }));
    transfers.push(transfer);
  };
  return { posted, transfers, post };
}

function rowsMessages(list: readonly FlowRow[], size = ROWS_PER_MESSAGE): ExportRequest[] {
  const out: ExportRequest[] = [];
  for (let i = 0; i < list.length; i += size) out.push({ type: 'rows', rows: list.slice(i, i + size) });
  return out;
}

describe('the data the page sends', () => {
  it('survives a structured clone: catalogue Maps, document, rows and date', () => {
    const copy = structuredClone({ catalogue, document, rows, exportedAt });
    expect(copy.catalogue.serviceById).toBeInstanceOf(Map);
    expect(copy.catalogue.serviceById.size).toBe(catalogue.serviceById.size);
    // One clone keeps shared objects shared: the Map's values are the array's services.
    const first = copy.catalogue.services[0]!;
    expect(copy.catalogue.serviceById.get(first.id)).toBe(first);
    expect(copy.document).toEqual(document);
    expect(copy.rows).toEqual(rows);
    expect(copy.exportedAt).toEqual(exportedAt);
  });
});

describe('handleExportMessage (the worker side)', () => {
  it('collects row slices, reports rows and packing, and posts the bytes with their buffer transferred', async () => {
    const many = manyRows(ROWS_PER_SLICE * 2 + 5);
    const handle = createExportHandler(writeInMemory);
    const { posted, transfers, post } = recorder();
    for (const message of rowsMessages(many, 1_500)) await handle(message, post);
    expect(posted).toEqual([]);
    await handle(
      {
        type: 'build',
        payload: { document, catalogue, exportedAt, appVersion: '9.9.9', rowCount: many.length },
      },
      post,
    );

    const total = many.length;
    const progress = posted.filter((m) => m.type === 'progress');
    expect(progress).toEqual([
      { type: 'progress', done: 0, total, phase: 'rows' },
      { type: 'progress', done: ROWS_PER_SLICE, total, phase: 'rows' },
      { type: 'progress', done: ROWS_PER_SLICE * 2, total, phase: 'rows' },
      { type: 'progress', done: total, total, phase: 'packing' },
    ]);
    const last = posted.at(-1)!;
    expect(posted.indexOf(last)).toBe(progress.length);
    if (last.type !== 'done') throw new Error(`expected done, got ${last.type}`);
    expect(transfers.at(-1)).toHaveLength(1);
    expect(transfers.at(-1)![0]).toBeInstanceOf(ArrayBuffer);
    // Transferred, not copied: the worker's buffer is gone.
    expect((transfers.at(-1)![0] as ArrayBuffer).byteLength).toBe(0);

    const workbook = await readWorkbook(last.bytes);
    expect(workbook.getWorksheet(SHEET_NAMES.matrix)!.rowCount).toBe(total + 1);
    expect(workbook.getWorksheet(SHEET_NAMES.matrix)!.getCell('B2').value).toBe('F-1');
    expect(workbook.getWorksheet(SHEET_NAMES.matrix)!.getCell(`B${total + 1}`).value).toBe(`F-${total}`);
  }, 30_000);

  it('hands the writer the payload it was sent, picture included', async () => {
    const seen: ExportInput[] = [];
    const handle = createExportHandler(async (input) => {
      seen.push(input);
      return new Uint8Array([1, 2, 3]);
    });
    const { posted, post } = recorder();
    for (const message of rowsMessages(rows, 7)) await handle(message, post);
    const diagramPng = TINY_PNG.slice();
    await handle(
      { type: 'build', payload: { document, catalogue, exportedAt, diagramPng, rowCount: rows.length } },
      post,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.rows).toEqual(rows);
    expect(seen[0]!.catalogue).toBe(catalogue);
    expect(seen[0]!.diagramPng).toBe(diagramPng);
    expect(seen[0]!).not.toHaveProperty('rowCount');
    expect(posted).toEqual([{ type: 'done', bytes: new Uint8Array([1, 2, 3]) }]);
  });

  it('starts afresh after a build', async () => {
    const counts: number[] = [];
    const handle = createExportHandler(async (input) => {
      counts.push(input.rows.length);
      return new Uint8Array(1);
    });
    const { posted, post } = recorder();
    await handle({ type: 'rows', rows }, post);
    await handle({ type: 'build', payload: { document, catalogue, rowCount: rows.length } }, post);
    await handle({ type: 'rows', rows: rows.slice(0, 2) }, post);
    await handle({ type: 'build', payload: { document, catalogue, rowCount: 2 } }, post);
    expect(counts).toEqual([rows.length, 2]);
    expect(posted.map((m) => m.type)).toEqual(['done', 'done']);
  });

  it('posts the writer’s error as a message', async () => {
    const handle = createExportHandler(async () => {
      throw new Error('the "Flow matrix" sheet would exceed Excel’s 1048576 rows');
    });
    const { posted, post } = recorder();
    await handle({ type: 'rows', rows }, post);
    await handle({ type: 'build', payload: { document, catalogue, rowCount: rows.length } }, post);
    expect(posted).toEqual([
      { type: 'error', message: 'the "Flow matrix" sheet would exceed Excel’s 1048576 rows' },
    ]);
  });

  it('reports something readable for a throw that is no Error', async () => {
    const handle = createExportHandler(() => Promise.reject(undefined));
    const { posted, post } = recorder();
    await handle({ type: 'build', payload: { document, catalogue, rowCount: 0 } }, post);
    expect(posted).toEqual([{ type: 'error', message: 'the workbook could not be written' }]);
  });

  it('refuses to build when row slices went missing', async () => {
    const write = vi.fn(writeInMemory);
    const handle = createExportHandler(write);
    const { posted, post } = recorder();
    await handle({ type: 'rows', rows: rows.slice(0, 3) }, post);
    await handle({ type: 'build', payload: { document, catalogue, rowCount: 10 } }, post);
    expect(write).not.toHaveBeenCalled();
    expect(posted).toEqual([{ type: 'error', message: 'the export worker received 3 of 10 rows' }]);
  });

  it('answers an unknown message with an error', async () => {
    const handle = createExportHandler(writeInMemory);
    const { posted, post } = recorder();
    await handle({ type: 'cancel' } as unknown as ExportRequest, post);
    expect(posted).toEqual([{ type: 'error', message: 'unknown export message "cancel"' }]);
  });
});

/** A worker stand-in: what the page posts is cloned into the handler, its answers cloned back. */
class FakeWorker extends EventTarget implements ExportWorkerLike {
  readonly sent: ExportRequest[] = [];
  private readonly handle: ReturnType<typeof createExportHandler>;
  constructor(write: (input: ExportInput) => Promise<Uint8Array>) {
    super();
    this.handle = createExportHandler(write);
  }
  postMessage(message: ExportRequest, transfer: Transferable[]): void {
    const copy = structuredClone(message, { transfer });
    this.sent.push(copy);
    queueMicrotask(() => {
      void this.handle(copy, (answer, back) => {
        const event = new Event('message') as MessageEvent;
        Object.defineProperty(event, 'data', { value: structuredClone(answer, { transfer: back }) });
        this.dispatchEvent(event);
      });
    });
  }
}

describe('buildInWorker (the page side)', () => {
  it('talks to a handler across a real MessageChannel: rows, progress with phases, bytes', async () => {
    const { port1, port2 } = new MessageChannel();
    const handle = createExportHandler(writeInMemory);
    const received: ExportRequest[] = [];
    port2.on('message', (message: ExportRequest) => {
      received.push(message);
      void handle(message, (answer, transfer) => port2.postMessage(answer, transfer as never));
    });
    const many = manyRows(ROWS_PER_SLICE + 10);
    const diagramPng = TINY_PNG.slice();
    const progress: [number, number, string | undefined][] = [];
    try {
      const bytes = await buildInWorker(
        port1 as unknown as ExportWorkerLike,
        {
          rows: many,
          document,
          catalogue,
          exportedAt,
          appVersion: '1.2.3',
          diagramPng,
          onProgress: (done, total, phase) => progress.push([done, total, phase]),
        },
        { rowsPerMessage: 1_000 },
      );
      expect(received.map((m) => m.type)).toEqual([...Array(3).fill('rows'), 'build']);
      const build = received.at(-1)!;
      if (build.type !== 'build') throw new Error('no build message');
      expect(build.payload.catalogue.serviceById).toBeInstanceOf(Map);
      expect(build.payload.exportedAt).toEqual(exportedAt);
      expect(build.payload.rowCount).toBe(many.length);
      // The picture's buffer moved to the worker.
      expect(diagramPng.byteLength).toBe(0);
      expect(build.payload.diagramPng).toEqual(TINY_PNG);

      const total = many.length;
      expect(progress).toEqual([
        [0, total, 'rows'],
        [ROWS_PER_SLICE, total, 'rows'],
        [total, total, 'packing'],
      ]);
      const workbook = await readWorkbook(bytes);
      expect(workbook.worksheets.map((s) => s.name)).toContain(SHEET_NAMES.diagram);
      expect(workbook.getWorksheet(SHEET_NAMES.matrix)!.rowCount).toBe(total + 1);
    } finally {
      port1.close();
    }
  }, 30_000);

  it('sends the rows in slices of ROWS_PER_MESSAGE and pauses between them', async () => {
    const worker = new FakeWorker(async () => new Uint8Array([7]));
    const many = manyRows(ROWS_PER_MESSAGE * 2 + 1);
    let pauses = 0;
    const bytes = await buildInWorker(
      worker,
      { rows: many, document, catalogue },
      {
        pause: async () => {
          pauses += 1;
        },
      },
    );
    expect([...bytes]).toEqual([7]);
    expect(worker.sent.map((m) => (m.type === 'rows' ? m.rows.length : m.type))).toEqual([
      ROWS_PER_MESSAGE,
      ROWS_PER_MESSAGE,
      1,
      'build',
    ]);
    expect(pauses).toBe(3);
  });

  it('copies a picture that only borrows its buffer instead of transferring it', async () => {
    const worker = new FakeWorker(async () => new Uint8Array(1));
    const shared = new Uint8Array(TINY_PNG.length + 8);
    shared.set(TINY_PNG, 8);
    const diagramPng = shared.subarray(8);
    await buildInWorker(worker, { rows, document, catalogue, diagramPng });
    expect(diagramPng.byteLength).toBe(TINY_PNG.length);
    const build = worker.sent.at(-1)!;
    expect(build.type === 'build' && build.payload.diagramPng).toEqual(TINY_PNG);
  });

  it('rejects with the worker’s error message', async () => {
    const worker = new FakeWorker(async () => {
      throw new Error('the streaming writer cannot embed the diagram picture');
    });
    await expect(buildInWorker(worker, { rows, document, catalogue })).rejects.toThrow(
      /^the streaming writer cannot embed the diagram picture$/,
    );
  });

  it('rejects when the worker fails or sends an unreadable message', async () => {
    const failing = new FakeWorker(async () => new Uint8Array(1));
    failing.postMessage = () => {
      const event = new Event('error', { cancelable: true });
      Object.defineProperty(event, 'message', { value: 'Uncaught SyntaxError: bad chunk' });
      queueMicrotask(() => failing.dispatchEvent(event));
    };
    await expect(buildInWorker(failing, { rows, document, catalogue })).rejects.toThrow(
      'the export worker failed: Uncaught SyntaxError: bad chunk',
    );

    const unstarted = new FakeWorker(async () => new Uint8Array(1));
    unstarted.postMessage = () => queueMicrotask(() => unstarted.dispatchEvent(new Event('error')));
    await expect(buildInWorker(unstarted, { rows, document, catalogue })).rejects.toThrow(
      'the export worker failed to start',
    );

    const garbled = new FakeWorker(async () => new Uint8Array(1));
    garbled.postMessage = () => queueMicrotask(() => garbled.dispatchEvent(new Event('messageerror')));
    await expect(buildInWorker(garbled, { rows, document, catalogue })).rejects.toThrow(
      'the export worker sent a message the page could not read',
    );
  });

  it('rejects when the input cannot be cloned', async () => {
    const worker = new FakeWorker(async () => new Uint8Array(1));
    const odd = { ...document, name: (() => 'x') as unknown as string };
    await expect(buildInWorker(worker, { rows, document: odd, catalogue })).rejects.toThrow(
      /^the export could not be sent to its worker: /,
    );
  });

  it('stops listening once settled', async () => {
    const worker = new FakeWorker(async () => new Uint8Array(1));
    const remove = vi.spyOn(worker, 'removeEventListener');
    const progress = vi.fn();
    await buildInWorker(worker, { rows, document, catalogue, onProgress: progress });
    expect(remove.mock.calls.map((c) => c[0]).sort()).toEqual(['error', 'message', 'messageerror']);
    const late = new Event('message') as MessageEvent;
    Object.defineProperty(late, 'data', { value: { type: 'progress', done: 1, total: 1, phase: 'rows' } });
    worker.dispatchEvent(late);
    expect(progress).not.toHaveBeenCalled();
  });
});

describe('the diagram picture in the worker', () => {
  it('draws it first (phase drawing) and hands it to the writer', async () => {
    const seen: ExportInput[] = [];
    const draw = vi.fn(async () => TINY_PNG.slice());
    const handle = createExportHandler(async (input) => {
      seen.push(input);
      return new Uint8Array([1]);
    }, draw);
    const { posted, post } = recorder();
    await handle({ type: 'rows', rows }, post);
    await handle(
      { type: 'build', payload: { document, catalogue, picture: true, rowCount: rows.length } },
      post,
    );
    expect(draw).toHaveBeenCalledWith({ document, catalogue, rows });
    expect(posted[0]).toEqual({ type: 'progress', done: 0, total: 1, phase: 'drawing' });
    expect(seen[0]!.diagramPng).toEqual(TINY_PNG);
    expect(seen[0]!).not.toHaveProperty('picture');
    expect(posted.at(-1)).toEqual({ type: 'done', bytes: new Uint8Array([1]) });
  });

  it('leaves a picture that cannot be drawn out, writes the workbook and says why', async () => {
    const seen: ExportInput[] = [];
    const handle = createExportHandler(
      async (input) => {
        seen.push(input);
        return new Uint8Array([2]);
      },
      async () => {
        throw new Error('no 2D canvas of 4096×4096 pixels');
      },
    );
    const worker = new FakeWorker(async () => new Uint8Array(0));
    (worker as unknown as { handle: typeof handle }).handle = handle;
    const leftOut: string[] = [];
    const bytes = await buildInWorker(worker, {
      rows,
      document,
      catalogue,
      picture: true,
      onPictureLeftOut: (reason) => leftOut.push(reason),
    });
    expect([...bytes]).toEqual([2]);
    expect(seen[0]!.diagramPng).toBeUndefined();
    expect(leftOut).toEqual(['no 2D canvas of 4096×4096 pixels']);
  });

  it('writes a real workbook without a Diagram sheet when the picture is left out', async () => {
    const handle = createExportHandler(writeInMemory, async () => {
      throw new Error('no OffscreenCanvas here');
    });
    const { posted, post } = recorder();
    await handle({ type: 'rows', rows }, post);
    await handle(
      { type: 'build', payload: { document, catalogue, picture: true, rowCount: rows.length } },
      post,
    );
    const last = posted.at(-1)!;
    if (last.type !== 'done') throw new Error(`expected done, got ${last.type}`);
    expect(last.pictureLeftOut).toBe('no OffscreenCanvas here');
    const workbook = await readWorkbook(last.bytes);
    expect(workbook.worksheets.map((s) => s.name)).not.toContain(SHEET_NAMES.diagram);
    expect(workbook.getWorksheet(SHEET_NAMES.matrix)!.rowCount).toBe(rows.length + 1);
    // The workbook itself says why it has no picture (the notice is gone once read).
    const notes: string[] = [];
    workbook.getWorksheet(SHEET_NAMES.notes)!.eachRow((row) => {
      notes.push((row.values as unknown[]).slice(1).join(' | '));
    });
    expect(notes).toContain(
      'Diagram | Not included: the picture could not be drawn (no OffscreenCanvas here).',
    );
  });
});

describe('cancelling an export', () => {
  it('rejects with an AbortError at once and sends no more slices and no build', async () => {
    const write = vi.fn(async () => new Uint8Array(1));
    const worker = new FakeWorker(write);
    const controller = new AbortController();
    const many = manyRows(ROWS_PER_MESSAGE * 3);
    const result = buildInWorker(
      worker,
      { rows: many, document, catalogue, signal: controller.signal },
      { pause: async () => controller.abort() },
    );
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    // Let anything still queued run: nothing more reaches the worker.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(worker.sent.map((m) => m.type)).toEqual(['rows']);
    expect(write).not.toHaveBeenCalled();
  });

  it('ignores the worker’s answer after a cancel: progress and bytes go nowhere', async () => {
    let finish: (bytes: Uint8Array) => void = () => undefined;
    const worker = new FakeWorker(() => new Promise<Uint8Array>((resolve) => (finish = resolve)));
    const controller = new AbortController();
    const progress = vi.fn();
    const remove = vi.spyOn(worker, 'removeEventListener');
    const result = buildInWorker(worker, {
      rows,
      document,
      catalogue,
      signal: controller.signal,
      onProgress: progress,
    });
    await vi.waitFor(() => expect(worker.sent.at(-1)?.type).toBe('build'));
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(remove.mock.calls.map((c) => c[0]).sort()).toEqual(['error', 'message', 'messageerror']);
    finish(new Uint8Array([9]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(progress).not.toHaveBeenCalled();
  });

  it('sends nothing when cancelled before it starts', async () => {
    const worker = new FakeWorker(async () => new Uint8Array(1));
    const controller = new AbortController();
    controller.abort();
    await expect(
      buildInWorker(worker, { rows, document, catalogue, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.sent).toEqual([]);
  });
});
