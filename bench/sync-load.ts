/**
 * The live-editing load: N Node clients (HocuspocusProvider over ws) in one room, each moving,
 * renaming and linking its own host on a timer through the same path the app will use (read
 * through restoreDocument, write the diff). Used by `npm run bench` (60 s) and by
 * tests/server/load.test.ts (~10 s). Edit-to-peer latency is measured on moves: the sender notes
 * the time of move number `seq`, every peer notes when it sees that move.
 */
import * as Y from 'yjs';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { createEmptyDocument } from '@/domain/restore';
import { connectNodeClient, type NodeClient } from '@/server/node-client';
import { editToken, READ_ONLY_TOKEN, type Room } from '@/sync/room-keys';
import { fromShared, writeShared } from '@/sync/shared-doc';

export interface LoadOptions {
  readonly url: string;
  readonly room: Room;
  readonly clients: number;
  readonly seconds: number;
  /** Mean milliseconds between one client's edits. */
  readonly intervalMs?: number;
}

export interface LoadResult {
  readonly edits: number;
  /** Milliseconds from a move to each peer seeing it. */
  readonly latencies: readonly number[];
  /** Every client's document equals what a newcomer reads from the server. */
  readonly identical: boolean;
  /** The server's state, as a newcomer read it. */
  readonly final: TopologyDocument;
  readonly clientDocs: readonly Y.Doc[];
}

const hostId = (i: number) => `h${i}`;

function read(doc: Y.Doc): TopologyDocument {
  const result = fromShared(doc, catalogue);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.document;
}

function startDocument(clients: number): TopologyDocument {
  const empty = createEmptyDocument(catalogue, 'Load');
  const hosts = Array.from({ length: clients }, (_, i) => ({
    id: hostId(i),
    name: `Host ${i}`,
    roles: [i === 0 ? 'site-server' : 'management-point'],
    options: {},
  }));
  const layout = Object.fromEntries(hosts.map((h, i) => [h.id, { x: 0, y: i * 100 }]));
  return { ...empty, hosts, layout };
}

async function until(check: () => boolean, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** One client's edit: mostly moves, some renames, some link toggles, all on its own host. */
function edit(client: NodeClient, i: number, seq: number, clients: number, sent: Map<string, number>): void {
  const doc = read(client.doc);
  const id = hostId(i);
  const kind = seq % 10;
  if (kind < 7) {
    sent.set(`${id}:${seq}`, performance.now());
    writeShared(client.doc, { ...doc, layout: { ...doc.layout, [id]: { x: seq, y: i * 100 } } });
  } else if (kind < 9) {
    writeShared(client.doc, {
      ...doc,
      hosts: doc.hosts.map((h) => (h.id === id ? { ...h, name: `Host ${i} edit ${seq}` } : h)),
    });
  } else {
    const linkId = `l${i}`;
    const links = doc.links.some((l) => l.id === linkId)
      ? doc.links.filter((l) => l.id !== linkId)
      : [...doc.links, { id: linkId, source: id, target: hostId((i + 1) % clients) }];
    writeShared(client.doc, { ...doc, links });
  }
}

/**
 * Runs the load and checks convergence.
 *
 * @param options - endpoint, room, client count, duration, edit interval
 * @returns edit count, latencies, whether every client ends identical to the server
 * @example const result = await runSyncLoad({ url, room, clients: 20, seconds: 10 });
 */
export async function runSyncLoad(options: LoadOptions): Promise<LoadResult> {
  const interval = options.intervalMs ?? 250;
  const token = editToken(options.room.editKey);
  const clients = Array.from({ length: options.clients }, () =>
    connectNodeClient({ url: options.url, room: options.room.roomId, token }),
  );
  const timers: NodeJS.Timeout[] = [];
  try {
    await Promise.all(clients.map((c) => c.synced));
    writeShared(clients[0]!.doc, startDocument(options.clients));
    await until(
      () => clients.every((c) => c.doc.getMap('hosts').size === options.clients),
      'the start',
      10_000,
    );

    const sent = new Map<string, number>();
    const latencies: number[] = [];
    clients.forEach((client, i) => {
      client.doc.getMap('layout').observe((event, transaction) => {
        if (transaction.local) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          const value = client.doc.getMap('layout').get(key) as { x?: unknown } | undefined;
          const at = sent.get(`${key}:${String(value?.x)}`);
          if (at !== undefined && key !== hostId(i)) latencies.push(now - at);
        }
      });
    });

    let edits = 0;
    const end = performance.now() + options.seconds * 1000;
    clients.forEach((client, i) => {
      let seq = 0;
      const tick = () => {
        if (performance.now() >= end) return;
        seq += 1;
        edit(client, i, seq, options.clients, sent);
        edits += 1;
        timers.push(setTimeout(tick, interval * (0.5 + Math.random())));
      };
      timers.push(setTimeout(tick, Math.random() * interval));
    });
    await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000 + interval));
    await until(
      () => clients.every((c) => c.provider.unsyncedChanges === 0),
      'every edit acknowledged',
      20_000,
    );

    const newcomer = connectNodeClient({
      url: options.url,
      room: options.room.roomId,
      token: READ_ONLY_TOKEN,
    });
    clients.push(newcomer);
    await newcomer.synced;
    const same = () => {
      const vector = Y.encodeStateVector(newcomer.doc).join();
      return clients.every((c) => Y.encodeStateVector(c.doc).join() === vector);
    };
    await until(same, 'every client to match the server', 20_000).catch(() => {});
    const final = read(newcomer.doc);
    const identical = same() && clients.every((c) => JSON.stringify(read(c.doc)) === JSON.stringify(final));
    return { edits, latencies, identical, final, clientDocs: clients.map((c) => c.doc) };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const client of clients) client.close();
  }
}

/** The p-th percentile (0–100) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
