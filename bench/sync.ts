/**
 * Live editing on loopback: 20 clients in one room for 60 s (`SYNC_SECONDS` to change), every
 * client checked against the server at the end, edit-to-peer latency p50/p95, and the server's
 * memory per room. The server runs in its own process (this file with `--sync-server-child`), so
 * its heap is measured apart from the clients'.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectNodeClient, type NodeClient } from '@/server/node-client';
import { startSyncServer } from '@/server/sync-server';
import { createRoom, editToken, READ_ONLY_TOKEN } from '@/sync/room-keys';
import { writeShared } from '@/sync/shared-doc';
import { type Figure, kb, mb, ms } from './stats';
import { percentile, runSyncLoad } from './sync-load';

const CHILD_FLAG = '--sync-server-child';

interface Memory {
  heap: number;
  rss: number;
}

/** The server process: starts, reports its URL, answers memory requests after a full GC. */
async function serverChild(dataDir: string): Promise<void> {
  const server = await startSyncServer({ dataDir, maxConnectionsPerRoom: 100 });
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  process.on('message', (message) => {
    if (message === 'memory') {
      gc();
      gc();
      const usage = process.memoryUsage();
      process.send?.({ heap: usage.heapUsed, rss: usage.rss });
    } else if (message === 'stop') {
      server.stop().then(() => process.exit(0));
    }
  });
  process.send?.({ url: server.syncUrl });
}

/**
 * Runs the load against a server in a child process.
 *
 * @param seconds - how long the 20 clients edit
 * @returns the figures for `npm run bench`
 * @example figures.push(...(await measureSync()));
 */
export async function measureSync(seconds = Number(process.env.SYNC_SECONDS ?? 60)): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, dataDir], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const memory = async () => {
    const answer = next<Memory>();
    child.send('memory');
    return answer;
  };
  const held: NodeClient[] = [];
  try {
    const { url } = await next<{ url: string }>();
    const base = await memory();

    const room = await createRoom();
    const watcher = connectNodeClient({ url, room: room.roomId, token: READ_ONLY_TOKEN });
    held.push(watcher);
    await watcher.synced;
    const load = await runSyncLoad({ url, room, clients: 20, seconds });
    const afterLoad = await memory();

    // Quieter rooms: 20 hosts each, one editor connected, to see what an open room costs.
    const rooms = 20;
    for (let i = 0; i < rooms; i += 1) {
      const extra = await createRoom();
      const client = connectNodeClient({ url, room: extra.roomId, token: editToken(extra.editKey) });
      held.push(client);
      await client.synced;
      writeShared(client.doc, load.final);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const afterRooms = await memory();

    const p50 = percentile(load.latencies, 50);
    const p95 = percentile(load.latencies, 95);
    return [
      {
        group: 'sync',
        name: `20 clients, 1 room, ${seconds} s on loopback: ${load.edits.toLocaleString('en')} edits`,
        value: load.identical ? 'every client identical to the server' : 'clients differ from the server',
        target: 'identical',
        pass: load.identical,
      },
      { group: 'sync', name: 'edit-to-peer latency p50', value: ms(p50), target: '< 1 s', pass: p50 < 1000 },
      { group: 'sync', name: 'edit-to-peer latency p95', value: ms(p95), target: '< 1 s', pass: p95 < 1000 },
      {
        group: 'sync',
        name: `server heap for the loaded room (${load.edits.toLocaleString('en')} edits of history)`,
        value: mb(afterLoad.heap - base.heap),
      },
      {
        group: 'sync',
        name: 'server heap per open room (20 hosts, 1 client)',
        value: kb((afterRooms.heap - afterLoad.heap) / rooms),
      },
      { group: 'sync', name: 'server resident memory at the end', value: mb(afterRooms.rss) },
    ];
  } finally {
    for (const client of held) client.close();
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  await serverChild(process.argv[3]!);
}
