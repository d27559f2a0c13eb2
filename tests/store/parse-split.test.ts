// @vitest-environment node
/**
 * A large file read on two threads (issue 18): the reader and its helper, joined by a real
 * MessageChannel, give exactly what reading the whole text on one thread gives, report lines in
 * the same order included; every text that is not for two threads is turned down (undefined), so
 * the reader reads it on its own.
 */
import { MessageChannel } from 'node:worker_threads';
import fc from 'fast-check';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { documentText } from '@/domain/document-text';
import { hostOrders } from '@/domain/host-orders';
import { MAX_STRING_LENGTH } from '@/domain/limits';
import { readDocumentText, serializeDocument } from '@/domain/restore';
import { unpackHosts } from '@/store/host-pack';
import { type PartPort, serveLinks } from '@/store/parse-helper';
import { type EarlyMessage, handleParse, type ParseMessage } from '@/store/parse-protocol';
import { readSplit } from '@/store/parse-split';
import { layoutShell, unpackResult } from '@/store/parse-unpack';
import { syntheticHierarchy } from '../../bench/synthetic';
import { buildInput, fuzzCaseArb } from '../domain/restore-fuzz-cases';

const never = new Promise<void>(() => {});

/**
 * Reads the bytes of `text` (or the bytes given) with a helper on the other end of a real channel;
 * the packed result, with the hosts that went ahead of it (unpacked, as the page does) and the
 * early messages in order.
 */
async function split(text: string, lost = never, bytes = new TextEncoder().encode(text)) {
  const channel = new MessageChannel();
  serveLinks(channel.port2 as unknown as PartPort);
  const early: EarlyMessage[] = [];
  try {
    const packed = await readSplit(bytes, catalogue, channel.port1 as unknown as PartPort, lost, (m) => {
      early.push(m);
    });
    const sent = early.find((m) => m.type === 'ahead');
    const hosts = sent && unpackHosts(sent.hosts);
    return packed && { ...packed, early, ahead: hosts && { hosts, layout: layoutShell(hosts) } };
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
}

const estate = syntheticHierarchy(400, catalogue, { zones: true });

/**
 * When the result carries the hosts' orders (it does when its hosts went ahead), they are the ones
 * sorting the unpacked hosts gives. True when it carried them.
 */
function expectOrdersOf(two: NonNullable<Awaited<ReturnType<typeof split>>>): boolean {
  const unpacked = unpackResult(two.result, two.ahead);
  const orders = two.result.ok && 'packed' in two.result ? two.result.packed.orders : undefined;
  if (two.ahead) expect(orders).toBeDefined();
  if (!orders || !unpacked.ok) return false;
  const { hosts } = unpacked.document;
  expect(orders).toEqual(
    hostOrders(
      hosts.map((h) => h.id),
      hosts.map((h) => h.name),
    ),
  );
  return true;
}

/** A document's JSON form, to change anything in. */
interface Draft {
  version: unknown;
  name: unknown;
  hosts: { id: string; roles: unknown[]; zone?: unknown }[];
  links: unknown[];
  settings: Record<string, unknown>;
  layout: Record<string, unknown>;
}

/** The estate with `change` made to a copy of its JSON form. */
function variant(change: (doc: Draft) => void): string {
  const doc = JSON.parse(JSON.stringify(estate)) as Draft;
  change(doc);
  return serializeDocument(doc as unknown as TopologyDocument);
}

type Ends = { id: string; source: string; target: string };

describe('reading a file on two threads', () => {
  it.each([
    ['a clean estate', variant(() => {})],
    [
      'links to a missing host, to itself, twice, with a taken or bad id, a label and an inferred mark',
      variant((doc) => {
        const [a, b] = doc.links as Ends[];
        doc.links.splice(
          3,
          0,
          { id: 'gone', source: a!.source, target: 'nobody' },
          { id: 'self', source: a!.source, target: a!.source },
          { id: 'again', source: a!.source, target: a!.target },
          { id: b!.id, source: a!.target, target: doc.hosts[9]!.id },
          { id: 'bad id!', source: a!.target, target: doc.hosts[10]!.id, label: 'WAN' },
          { id: 'x1', source: a!.target, target: doc.hosts[11]!.id, label: 7, inferred: true },
          42,
        );
      }),
    ],
    [
      'plain link lines of which one ends at a missing host and one repeats a pair (read as bytes, then as JSON)',
      variant((doc) => {
        const [a] = doc.links as Ends[];
        doc.links.push({ id: 'gone', source: a!.source, target: 'nobody' });
        doc.links.push({ id: 'again', source: a!.target, target: a!.source });
      }),
    ],
    [
      'a layout restore changes (placed by the reader, its report line after the settings’ and the links’)',
      variant((doc) => {
        doc.links.push(42);
        doc.settings.edition = 'no-such-edition';
        doc.layout[doc.hosts[7]!.id] = { x: 1e9, y: 0.5 };
      }),
    ],
    [
      'a layout in another order with fractions (placed by the helper)',
      variant((doc) => {
        const entries = Object.entries(doc.layout).reverse();
        doc.layout = Object.fromEntries(entries.map(([id], i) => [id, { x: i + 0.25, y: -i }]));
      }),
    ],
    [
      'report lines before the links (hosts), of the links, and after them (the name, the settings, the layout)',
      variant((doc) => {
        doc.hosts[5]!.roles.push('no-such-role');
        doc.hosts[6]!.zone = 'no-such-zone';
        doc.links.push(42);
        doc.name = 12;
        doc.settings.edition = 'no-such-edition';
        delete doc.layout[doc.hosts[7]!.id];
      }),
    ],
    [
      'a host in a zone the document lacks (the hosts read as lines, then as JSON)',
      variant((doc) => {
        doc.hosts[6]!.zone = 'no-such-zone';
      }),
    ],
    [
      'a role of the current edition in a 2018 document (the hosts read as lines, then as JSON)',
      variant((doc) => {
        doc.settings.edition = '2018-de';
        doc.hosts[6]!.roles = ['cmg'];
      }),
    ],
    [
      'the same role in a current document (read as lines)',
      variant((doc) => {
        doc.settings.edition = 'current';
        doc.hosts[6]!.roles = ['cmg'];
      }),
    ],
  ])('gives what one thread gives for %s', async (_what, text) => {
    const two = await split(text);
    const one = readDocumentText(text, catalogue);
    expect(two).toBeDefined();
    expect(one.ok).toBe(true);
    expect(unpackResult(two!.result, two!.ahead)).toEqual(one);
    expectOrdersOf(two!);
  });

  it('gives what one thread gives for the restore fuzzer’s documents, or leaves them to one thread', async () => {
    let twice = 0;
    let cases = 0;
    let withOrders = 0;
    for (const c of fc.sample(fuzzCaseArb, { seed: 18, numRuns: 400 })) {
      const input = buildInput(c);
      if (!('value' in input) || typeof input.value !== 'object' || input.value === null) continue;
      let text: string;
      try {
        text = documentText(input.value as Record<string, unknown>);
      } catch {
        continue;
      }
      cases += 1;
      const two = await split(text);
      if (!two) continue;
      twice += 1;
      // What one thread reads of the same file (its text as `text()` decodes the bytes).
      const file = new TextDecoder().decode(new TextEncoder().encode(text));
      expect(unpackResult(two.result, two.ahead)).toEqual(readDocumentText(file, catalogue));
      withOrders += expectOrdersOf(two) ? 1 : 0;
    }
    expect(withOrders).toBeGreaterThan(0);
    // Most mutated documents keep a list laid out as the app writes it.
    expect(cases).toBeGreaterThan(100);
    expect(twice).toBeGreaterThan(cases / 4);
  });

  it('sends the hosts ahead of the result when they are columns, then the name and host count', async () => {
    const two = (await split(serializeDocument(estate)))!;
    expect(two.early.map((m) => m.type)).toEqual(['ahead', 'named']);
    expect(two.early[1]).toEqual({ type: 'named', name: estate.name, hosts: estate.hosts.length });
    expect(two.result.ok && two.result.packed.hosts).toBeNull();
    expect(two.ahead?.hosts).toEqual(estate.hosts);
    expect(() => unpackResult(two.result)).toThrow();
  });

  it('keeps the report lines of links in their place among the others', async () => {
    const text = variant((doc) => {
      (doc.hosts[5]!.roles as string[]).push('no-such-role');
      doc.links.push(42);
      doc.name = 12 as unknown as string;
    });
    const two = (await split(text))!;
    const result = unpackResult(two.result, two.ahead);
    const keys = result.ok ? result.problems.map((p) => p.key) : [];
    expect(keys.findIndex((k) => k.startsWith('restore:link.'))).toBeGreaterThan(
      keys.findIndex((k) => k.startsWith('restore:host.')),
    );
    expect(keys.at(-1)).not.toMatch(/^restore:link\./);
  });

  it.each([
    ['compact JSON (no list laid out as the app writes it)', JSON.stringify(estate)],
    [
      'an empty links list (written on one line)',
      variant((doc) => {
        doc.links = [];
      }),
    ],
    [
      'an older version (migrations may change links)',
      variant((doc) => {
        doc.version = 2;
      }),
    ],
    [
      'a nested list laid out like the top-level one, first',
      serializeDocument(estate).replace(
        '\n  "hosts": [',
        '\n  "extra": {\n  "links": [\n  ]},\n  "hosts": [',
      ),
    ],
    [
      'a link spread over lines',
      serializeDocument(estate).replace('"target":', '"extra": [\n  ], "target":'),
    ],
    [
      'a link id over the string cap (the helper checks its caps)',
      variant((doc) => {
        (doc.links[0] as Ends).id = 'l'.repeat(MAX_STRING_LENGTH + 1);
      }),
    ],
    [
      'a host restore drops (no usable id)',
      variant((doc) => {
        doc.hosts[3]!.id = 'bad id!';
      }),
    ],
    [
      'a refused document (hosts with the same id)',
      variant((doc) => {
        doc.hosts[1]!.id = doc.hosts[0]!.id;
      }),
    ],
  ])('leaves %s to one thread', async (_what, text) => {
    expect(await split(text)).toBeUndefined();
  });

  it('leaves a file whose host ids repeat to one thread, which refuses it', async () => {
    const text = variant((doc) => {
      doc.hosts[6]!.id = doc.hosts[5]!.id;
    });
    expect(await split(text)).toBeUndefined();
    expect(readDocumentText(text, catalogue).ok).toBe(false);
  });

  it('leaves the file to one thread when the helper is lost', async () => {
    const channel = new MessageChannel();
    const port = channel.port1 as unknown as PartPort;
    const result = readSplit(
      new TextEncoder().encode(serializeDocument(estate)),
      catalogue,
      port,
      Promise.resolve(),
    );
    expect(await result).toBeUndefined();
    channel.port1.close();
  });

  it('moves the bytes of a file to the helper, of ASCII or not', async () => {
    const ascii = serializeDocument(estate);
    const bytes = new TextEncoder().encode(ascii);
    const fromBytes = (await split(ascii, never, bytes))!;
    // Transferred: the reader's view of them is empty.
    expect(bytes.byteLength).toBe(0);
    expect(unpackResult(fromBytes.result, fromBytes.ahead)).toEqual(readDocumentText(ascii, catalogue));
    const named = serializeDocument({
      ...estate,
      hosts: estate.hosts.map((h, i) => (i === 3 ? { ...h, name: 'Zürich-DP' } : h)),
      links: estate.links.map((l, i) => (i === 2 ? { ...l, label: 'Köln–Bonn' } : l)),
    });
    const wide = new TextEncoder().encode(named);
    expect(wide.byteLength).toBeGreaterThan(named.length);
    const fromWide = (await split(named, never, wide))!;
    expect(wide.byteLength).toBe(0);
    expect(unpackResult(fromWide.result, fromWide.ahead)).toEqual(readDocumentText(named, catalogue));
  });

  it('reads a large file as bytes for two threads, as text for one (read again when the bytes went)', async () => {
    const text = serializeDocument(estate);
    // Large enough for two threads; spaces after the document are still JSON.
    const large = `${text}${' '.repeat(4 * 1024 * 1024)}`;
    const one = readDocumentText(large, catalogue);
    expect(one.ok).toBe(true);
    for (const moved of [false, true]) {
      let given = 0;
      const messages: ParseMessage[] = [];
      await handleParse(
        { file: new Blob([large]) },
        catalogue,
        (m) => messages.push(m),
        async (bytes) => {
          given = bytes.length;
          // As when the bytes went to the helper and the split turned the file down after.
          if (moved) structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
          return undefined;
        },
      );
      expect(given).toBe(large.length);
      const last = messages.at(-1);
      expect(last?.type === 'result' && last.result).toEqual(one);
    }
    let asked = false;
    await handleParse(
      { file: new Blob([text]) },
      catalogue,
      () => {},
      async () => {
        asked = true;
        return undefined;
      },
    );
    // Too small for two threads.
    expect(asked).toBe(false);
  });

  it('has the worker post the packed result, or read on one thread when the split turns the file down', async () => {
    const file = new Blob(['x'.repeat(4 * 1024 * 1024) + serializeDocument(estate)]);
    const seen: ParseMessage['type'][] = [];
    const packed = (await split(serializeDocument(estate)))!;
    await handleParse(
      { file },
      catalogue,
      (m) => seen.push(m.type),
      async () => packed,
    );
    expect(seen.slice(-2)).toEqual(['progress', 'packed']);
    seen.length = 0;
    await handleParse(
      { file },
      catalogue,
      (m) => seen.push(m.type),
      async () => undefined,
    );
    expect(seen.at(-1)).toBe('result');
  });
});
