/**
 * The page's side of parse-pack.ts: a packed document made whole again, with the hosts that went
 * ahead of it when they did.
 */
import type { Link, Position, TopologyDocument } from '@/domain/document';
import type { Message } from '@/domain/message';
import type { RestoreResult } from '@/domain/restore';
import { unpackHosts } from './host-pack';
import type { PackedResult } from './parse-pack';

/** Hosts that went ahead of the result, unpacked, and a layout holding each of their ids ({@link layoutShell}). */
export interface Ahead {
  readonly hosts: TopologyDocument['hosts'];
  readonly layout: Record<string, Position>;
}

/** One position every shell holds until the result's positions replace it. */
const PLACEHOLDER: Position = { x: 0, y: 0 };

/**
 * A layout with every host's id, in host order, each holding one shared position: the table grows
 * (and is copied) while it holds no new objects. In Chromium, 100,000 positions went in 110-140 ms
 * this way against 160-180 ms added one by one; and hosts that come ahead of the result have their
 * shell made while the page waits for it.
 *
 * @param hosts - the hosts the layout is for
 * @returns a layout for {@link unpackResult} to fill with the result's positions
 * @example layoutShell([{ id: 'a', … }]); // { a: { x: 0, y: 0 } }
 */
export function layoutShell(hosts: TopologyDocument['hosts']): Record<string, Position> {
  const layout: Record<string, Position> = {};
  for (let i = 0; i < hosts.length; i += 1)
    layout[(hosts[i] as TopologyDocument['hosts'][number]).id] = PLACEHOLDER;
  return layout;
}

/**
 * The restore result a packed one stands for, equal to the one that was packed (the same keys in
 * the same order; link ends are the hosts' own id strings).
 *
 * @param result - a result made by {@link packResult}
 * @param ahead - the hosts, when they went ahead of the result (its hosts are null), with the shell
 *   of their layout (filled here: not to be read again)
 * @example unpackResult(packResult(result).result) // equal to result
 */
export function unpackResult(result: PackedResult | RestoreResult, ahead?: Ahead): RestoreResult {
  if (!result.ok || !('packed' in result)) return result;
  const { packed } = result;
  if (packed.hosts === null && ahead === undefined) throw new Error('The hosts that went ahead are missing');
  const hosts =
    packed.hosts === null
      ? (ahead as Ahead).hosts
      : typeof packed.hosts === 'string'
        ? (JSON.parse(packed.hosts) as TopologyDocument['hosts'])
        : unpackHosts(packed.hosts);
  const ids = packed.linkIds === '' ? [] : packed.linkIds.split('\n');
  const links: Link[] = new Array(ids.length);
  const { ends } = packed;
  for (let i = 0; i < ids.length; i += 1) {
    const source = (hosts[ends[2 * i] as number] as TopologyDocument['hosts'][number]).id;
    const target = (hosts[ends[2 * i + 1] as number] as TopologyDocument['hosts'][number]).id;
    links[i] = { id: ids[i] as string, source, target };
  }
  for (const [i, label] of packed.labels) (links[i] as { label?: string }).label = label;
  for (const i of packed.inferred) (links[i] as { inferred?: boolean }).inferred = true;
  const { positions } = packed;
  const layout = packed.hosts === null ? (ahead as Ahead).layout : layoutShell(hosts);
  for (let i = 0; i < hosts.length; i += 1) {
    layout[(hosts[i] as TopologyDocument['hosts'][number]).id] = {
      x: positions[2 * i] as number,
      y: positions[2 * i + 1] as number,
    };
  }
  const parts: Record<string, unknown> = { ...packed.rest, hosts, links, layout };
  const document = Object.fromEntries(
    packed.keys.map((key) => [key, parts[key]]),
  ) as unknown as TopologyDocument;
  const problems = JSON.parse(result.problems) as Message[];
  return result.migratedFrom === undefined
    ? { ok: true, document, problems }
    : { ok: true, document, problems, migratedFrom: result.migratedFrom };
}
