/**
 * Big files open off the page's thread (issue 15): the worker's handler reads a 20,000-host file
 * of about 19 MB well within 5 s with progress, refuses bigger files before reading them,
 * and the page's side relays progress, ends the worker and falls back to reading here.
 */
import { catalogue } from '@/domain/default-catalogue';
import { columnFor } from '@/domain/layout-column';
import { endsFor } from '@/domain/link-places';
import { MAX_FILE_BYTES, type RestoreResult, readDocumentText, serializeDocument } from '@/domain/restore';
import {
  answerRequests,
  createWorkerShelf,
  handleParse,
  type ParseMessage,
  type ReadResult,
  readDocumentOffThread,
  type WorkerRequest,
} from '@/store/parse-protocol';
import { SPLIT_BYTES } from '@/store/parse-split';
import { syntheticHierarchy } from '../../bench/synthetic';
import { makeDocument, makeHost } from '../builders';
import { text as words } from './text';

/** A 20,000-host document of about 19 MB: long names and notes, a link from each client. */
function bigFile(): Blob {
  const hosts = Array.from({ length: 20_000 }, (_, i) =>
    makeHost(`h${i}`, i % 10 === 0 ? ['management-point'] : ['client'], {
      name: `HOST-${i}-${'x'.repeat(600)}`,
      ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      notes: 'n'.repeat(100),
    }),
  );
  const links = hosts
    .filter((_, i) => i % 10 !== 0)
    .map((h, i) => [h.id, `h${Math.floor(i / 9) * 10}`] as const);
  const text = serializeDocument(makeDocument(hosts, links, { name: 'Big' }));
  expect(text.length).toBeGreaterThan(17 * 1024 * 1024);
  expect(text.length).toBeLessThan(MAX_FILE_BYTES);
  return new Blob([text]);
}

describe('reading a document off the page', () => {
  it('reads a 20,000-host file under the cap, reporting progress in order', async () => {
    const file = bigFile();
    const messages: ParseMessage[] = [];
    // How fast is `npm run bench -- open`'s figure, not a timed test.
    await handleParse({ file }, catalogue, (m) => messages.push(m));
    const result = messages.at(-1);
    expect(result?.type).toBe('result');
    if (result?.type !== 'result' || !result.result.ok) throw new Error('not read');
    expect(result.result.document.hosts).toHaveLength(20_000);
    expect(result.result.document.links).toHaveLength(18_000);
    expect(messages.slice(0, -1).map((m) => m.type === 'progress' && m.stage)).toEqual([
      'reading',
      'checking',
      'done',
    ]);
  });

  it('refuses a file over the cap before reading it', async () => {
    // A size over the cap, not that many bytes: a 100 MB string in jsdom would cost seconds.
    const file = new Blob(['x']);
    Object.defineProperty(file, 'size', { value: MAX_FILE_BYTES + 1 });
    const text = vi.spyOn(file, 'text');
    const messages: ParseMessage[] = [];
    await handleParse({ file }, catalogue, (m) => messages.push(m));
    expect(text).not.toHaveBeenCalled();
    expect(messages).toEqual([{ type: 'result', result: { ok: false, error: expect.anything() } }]);
    const [only] = messages;
    expect(only?.type === 'result' && !only.result.ok && words(only.result.error)).toBe(
      'File is larger than the 100 MB limit',
    );
  });
});

/** A stand-in worker that answers as parse-worker.ts does (`answerRequests`), or fails to load. */
class FakeWorker extends EventTarget {
  terminated = false;
  /** What the helper's channel carried from the reader. */
  readonly heard: string[] = [];
  private readonly answer = answerRequests(catalogue, (data) =>
    queueMicrotask(() => this.dispatchEvent(Object.assign(new Event('message'), { data }))),
  );
  constructor(private readonly fails = false) {
    super();
  }
  postMessage(request: WorkerRequest) {
    if (this.fails) {
      queueMicrotask(() => this.dispatchEvent(new Event('error')));
      return;
    }
    if ('serve' in request)
      request.serve.addEventListener('message', (event) => this.heard.push(event.data.type));
    this.answer(request);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('the page’s side', () => {
  const small = () =>
    new Blob([serializeDocument(makeDocument([makeHost('a', ['client'])], [], { name: 'Small' }))]);

  it('relays the worker’s progress and result, then ends the worker', async () => {
    const worker = new FakeWorker();
    const stages: string[] = [];
    const result = await readDocumentOffThread(
      small(),
      catalogue,
      (stage) => stages.push(stage),
      () => worker as unknown as Worker,
    );
    expect(result.ok && result.document.name).toBe('Small');
    expectPlaces(result);
    expect(stages).toEqual(['reading', 'checking', 'done']);
    expect(worker.terminated).toBe(true);
  });

  it('reads on this thread when the worker fails to load or no worker starts', async () => {
    const worker = new FakeWorker(true);
    const failed = await readDocumentOffThread(
      small(),
      catalogue,
      undefined,
      () => worker as unknown as Worker,
    );
    expect(failed.ok && failed.document.name).toBe('Small');
    expect(worker.terminated).toBe(true);
    const none = await readDocumentOffThread(small(), catalogue, undefined, () => undefined);
    expect(none.ok && none.document.name).toBe('Small');
    // In Node there is no Worker: the default factory falls back too.
    const fallback = await readDocumentOffThread(new Blob(['{bad']), catalogue);
    expect(fallback).toEqual({ ok: false, error: expect.anything() });
    expect(!fallback.ok && words(fallback.error)).toMatch(/not valid JSON/);
  });
});

/** A read result without the places of its links' ends and its layout column, as restore alone gives it. */
function withoutPlaces(result: ReadResult): RestoreResult {
  if (!('places' in result)) return result;
  const { places: _places, column: _column, ...rest } = result;
  return rest;
}

/** The result carries the places of its links' ends, for its very hosts and links, each right. */
function expectPlaces(result: ReadResult): void {
  if (!result.ok || !('places' in result)) throw new Error('no places');
  const { hosts, links } = result.document;
  expect(endsFor(result.places, hosts, links)).toBe(result.places.ends);
  const ends = result.places.ends;
  links.forEach((link, i) => {
    expect(hosts[ends[2 * i]!]!.id).toBe(link.source);
    expect(hosts[ends[2 * i + 1]!]!.id).toBe(link.target);
  });
}

describe('a large file read on two threads', () => {
  const estate = serializeDocument(syntheticHierarchy(12_000, catalogue, { zones: true }));
  const start = (made: FakeWorker[], helperFails: boolean) => () => {
    const worker = new FakeWorker(helperFails && made.length === 1);
    made.push(worker);
    return worker as unknown as Worker;
  };

  it('starts a helper beside the reader, reads as one thread reads, and ends both', async () => {
    expect(estate.length).toBeGreaterThan(SPLIT_BYTES);
    const made: FakeWorker[] = [];
    const result = await readDocumentOffThread(new Blob([estate]), catalogue, undefined, start(made, false));
    expect(made).toHaveLength(2);
    expect(made[1]!.heard).toEqual(['links', 'hosts']);
    expect(made.every((w) => w.terminated)).toBe(true);
    expect(withoutPlaces(result)).toEqual(readDocumentText(estate, catalogue));
    expectPlaces(result);
  });

  it('says the document’s name and host count before its links are in', async () => {
    const made: FakeWorker[] = [];
    const order: string[] = [];
    const reading = readDocumentOffThread(
      new Blob([estate]),
      catalogue,
      undefined,
      start(made, false),
      undefined,
      (name, hosts) => order.push(`named ${name} ${hosts}`),
    );
    const result = await reading.then((r) => {
      order.push('result');
      return r;
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(order).toEqual([`named ${result.document.name} ${result.document.hosts.length}`, 'result']);
  });

  it('gives the hosts’ positions in host order, for the very hosts and layout it read', async () => {
    const result = await readDocumentOffThread(new Blob([estate]), catalogue, undefined, start([], false));
    expect(result.ok && 'column' in result).toBe(true);
    if (!result.ok || !('column' in result) || !result.column) return;
    const { hosts, layout } = result.document;
    const xy = columnFor(result.column, hosts, layout);
    expect(xy).toBeDefined();
    hosts.forEach((host, i) => {
      expect([xy![2 * i], xy![2 * i + 1]]).toEqual([layout[host.id]!.x, layout[host.id]!.y]);
    });
  });

  it('says nothing early when the file is read on one thread', async () => {
    const named: string[] = [];
    const small = serializeDocument(makeDocument([makeHost('a', ['client'])], [], { name: 'Small' }));
    const result = await readDocumentOffThread(
      new Blob([small]),
      catalogue,
      undefined,
      () => new FakeWorker() as unknown as Worker,
      undefined,
      (name) => named.push(name),
    );
    expect(result.ok).toBe(true);
    expect(named).toEqual([]);
  });

  it('ends both workers at once when the read is aborted, and says it was cancelled', async () => {
    const made: FakeWorker[] = [];
    const cancel = new AbortController();
    const reading = readDocumentOffThread(
      new Blob([estate]),
      catalogue,
      undefined,
      start(made, false),
      cancel.signal,
    );
    cancel.abort();
    const result = await reading;
    expect(made).toHaveLength(2);
    expect(made.every((w) => w.terminated)).toBe(true);
    expect(!result.ok && words(result.error)).toBe('Opening the file was cancelled.');
  });

  it('has the reader read alone when the helper fails to load', async () => {
    const made: FakeWorker[] = [];
    const result = await readDocumentOffThread(new Blob([estate]), catalogue, undefined, start(made, true));
    expect(made).toHaveLength(2);
    expect(made.every((w) => w.terminated)).toBe(true);
    expect(withoutPlaces(result)).toEqual(readDocumentText(estate, catalogue));
    expectPlaces(result);
  });
});

describe('the shelf of parse workers', () => {
  const start =
    (made: FakeWorker[], fails = false) =>
    () => {
      const worker = new FakeWorker(fails);
      made.push(worker);
      return worker as unknown as Worker;
    };

  it('hands out the worker it warmed, and warms the next one when the page is idle', () => {
    const made: FakeWorker[] = [];
    const idle: (() => void)[] = [];
    const shelf = createWorkerShelf(start(made), (task) => idle.push(task));
    shelf.warm();
    shelf.warm();
    expect(made).toHaveLength(1);
    expect(shelf.take()).toBe(made[0]);
    expect(made).toHaveLength(1);
    shelf.warmLater();
    expect(made).toHaveLength(1);
    for (const task of idle.splice(0)) task();
    expect(made).toHaveLength(2);
    expect(shelf.take()).toBe(made[1]);
    // Nothing warmed: a new worker at once.
    expect(shelf.take()).toBe(made[2]);
  });

  it('does not hand out a warmed worker whose script failed to load, and ends it', async () => {
    const made: FakeWorker[] = [];
    const shelf = createWorkerShelf(start(made, true), () => {});
    shelf.warm();
    made[0]?.postMessage({ file: new Blob([]) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const taken = shelf.take();
    expect(taken).toBe(made[1]);
    expect(made[0]?.terminated).toBe(true);
  });

  it('reads a file with a warmed worker', async () => {
    const made: FakeWorker[] = [];
    const shelf = createWorkerShelf(start(made), () => {});
    shelf.warm();
    const result = await readDocumentOffThread(
      new Blob([serializeDocument(makeDocument([makeHost('a', ['client'])], [], { name: 'Warm' }))]),
      catalogue,
      undefined,
      shelf.take,
    );
    expect(result.ok && result.document.name).toBe('Warm');
    expect(made).toHaveLength(1);
    expect(made[0]?.terminated).toBe(true);
  });
});
