// @vitest-environment node
/**
 * The helper of the two-thread read (issue 18), on a real MessageChannel: it reads plain link
 * lines and a plain layout from the bytes and answers with the links packed and the positions in
 * host order; a layout it cannot place as it is gets no positions, and a links list that is not
 * JSON gets a failure.
 */
import { MessageChannel } from 'node:worker_threads';
import { catalogue } from '@/domain/default-catalogue';
import { serializeDocument } from '@/domain/restore';
import { cutLinks } from '@/domain/restore-split';
import { type HelperReply, type PartPort, serveLinks } from '@/store/parse-helper';
import { syntheticHierarchy } from '../../bench/synthetic';

const estate = syntheticHierarchy(60, catalogue, { zones: true });

/** The helper's two replies to the bytes of `text` and the ids of `hosts`. */
async function ask(text: string, hosts = estate.hosts.map((h) => h.id)): Promise<HelperReply[]> {
  const bytes = new TextEncoder().encode(text);
  const cut = cutLinks(bytes, 'm');
  if (!cut?.layoutAt) throw new Error('not cut');
  const channel = new MessageChannel();
  serveLinks(channel.port2 as unknown as PartPort);
  const replies: HelperReply[] = [];
  const two = new Promise<void>((resolve) => {
    channel.port1.on('message', (reply: HelperReply) => {
      replies.push(reply);
      if (replies.length === 2 || reply.type === 'failed') resolve();
    });
  });
  channel.port1.postMessage({ type: 'links', bytes, at: cut.linksAt, layoutAt: cut.layoutAt });
  channel.port1.postMessage({ type: 'hosts', ids: hosts.join('\n') });
  await two;
  channel.port1.close();
  return replies;
}

describe('the helper of a two-thread read', () => {
  it('reads plain lines from the bytes: the links packed, the positions in host order, the values counted', async () => {
    const [parsed, placed] = await ask(serializeDocument(estate));
    const n = estate.hosts.length;
    expect(parsed).toEqual({ type: 'parsed', values: 1 + 4 * estate.links.length, layoutValues: 1 + 3 * n });
    if (placed?.type !== 'links') throw new Error('no links');
    expect(placed.links.linkIds.split('\n')).toEqual(estate.links.map((l) => l.id));
    expect(placed.problems).toBe('[]');
    const positions = estate.hosts.flatMap((h) => [estate.layout[h.id]?.x, estate.layout[h.id]?.y]);
    expect([...(placed.positions ?? [])]).toEqual(positions);
  });

  it('gives no positions for a layout restore would change, and restores the links as JSON when they are not plain', async () => {
    const [first] = estate.hosts;
    const [link, ...others] = estate.links;
    const changed = {
      ...estate,
      layout: { ...estate.layout, [first!.id]: { x: 5e6, y: 0 } },
      links: [{ ...link!, label: 'WAN' }, ...others],
    };
    const [, placed] = await ask(serializeDocument(changed));
    if (placed?.type !== 'links') throw new Error('no links');
    expect(placed.positions).toBeUndefined();
    expect(placed.links.labels).toEqual([[0, 'WAN']]);
  });

  it('fails on a links list that is not JSON', async () => {
    const text = serializeDocument(estate).replace('"source":', '"source"');
    expect((await ask(text)).at(-1)).toEqual({ type: 'failed' });
  });
});
