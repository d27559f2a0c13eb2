import { describe, expect, it } from 'vitest';
import { type FarScene, type FarSceneInput, farScene } from '@/canvas/far-scene';
import { catalogue } from '@/domain/default-catalogue';
import { syntheticHierarchy } from '../../bench/synthetic';

const SIZE = { width: 172, height: 64 };
/** What a scene draws, in an order of its own: boxes with their colours, links and selection as boxes. */
function drawn(scene: FarScene) {
  const box = (k: number) =>
    `${scene.x[k]},${scene.y[k]},${scene.w[k]},${scene.h[k]},${scene.colours[scene.colour[k]!]}`;
  const boxes = [...scene.x].map((_, k) => box(k));
  const links: string[] = [];
  for (let k = 0; k < scene.links.length; k += 2)
    links.push(`${box(scene.links[k]!)}-${box(scene.links[k + 1]!)}`);
  // Hosts of one colour are next to each other (one fillStyle per run).
  const runs = [...scene.colour].filter((c, k) => k === 0 || c !== scene.colour[k - 1]);
  expect(new Set(runs).size).toBe(runs.length);
  return { boxes: boxes.sort(), links: links.sort(), selected: scene.selected.map(box).sort() };
}

describe('farScene after an edit', () => {
  it('draws the same as a scene made from scratch, after each of many edits', () => {
    const doc = syntheticHierarchy(400, catalogue, { zones: true });
    let input: FarSceneInput = { ...doc, measured: {}, selectedHostIds: [], catalogue, size: SIZE };
    let scene = farScene(input);
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let step = 0; step < 120; step += 1) {
      const i = next(input.hosts.length);
      const host = input.hosts[i]!;
      const kind = step % 8;
      if (kind === 0)
        input = {
          ...input,
          hosts: input.hosts.with(i, { ...host, roles: ['management-point', ...host.roles] }),
        };
      if (kind === 1)
        input = {
          ...input,
          hosts: input.hosts.with(i, { ...host, roles: [...host.roles, 'distribution-point'] }),
        };
      if (kind === 2)
        input = {
          ...input,
          links: [...input.links, { id: `x${step}`, source: host.id, target: input.hosts[0]!.id }],
        };
      if (kind === 3)
        input = { ...input, layout: { ...input.layout, [host.id]: { x: step * 10, y: -step } } };
      if (kind === 4)
        input = {
          ...input,
          hosts: input.hosts.filter((_, k) => k !== i),
          selectedHostIds: [input.hosts[0]!.id],
        };
      if (kind === 5)
        input = { ...input, measured: { ...input.measured, [host.id]: { width: 90, height: 30 } } };
      if (kind === 6)
        input = {
          ...input,
          links: [
            ...input.links,
            { id: `y${step}`, source: host.id, target: 'gone' },
            { id: `z${step}`, source: input.hosts[next(input.hosts.length)]!.id, target: host.id },
          ],
        };
      if (kind === 7)
        input = { ...input, links: input.links.filter((_, k) => k !== next(input.links.length)) };
      scene = farScene(input, scene);
      expect(drawn(scene)).toEqual(drawn(farScene(input)));
    }
  });

  it('draws links from the places of their ends when they are known for the lists', () => {
    const doc = syntheticHierarchy(400, catalogue, { zones: true });
    const input: FarSceneInput = { ...doc, measured: {}, selectedHostIds: [], catalogue, size: SIZE };
    const place = new Map(doc.hosts.map((h, i) => [h.id, i]));
    const ends = Int32Array.from(doc.links.flatMap((l) => [place.get(l.source)!, place.get(l.target)!]));
    const plain = drawn(farScene(input));
    expect(drawn(farScene({ ...input, places: { hosts: doc.hosts, links: doc.links, ends } }))).toEqual(
      plain,
    );
    // Read: ends swapped around draw other links; for other lists they are not read.
    const wrong = { hosts: doc.hosts, links: doc.links, ends: ends.slice().reverse() };
    expect(drawn(farScene({ ...input, places: wrong })).links).not.toEqual(plain.links);
    expect(drawn(farScene({ ...input, places: { ...wrong, links: [...doc.links] } }))).toEqual(plain);
  });

  it('selects and links by id after a scene made from places (its host index made only then)', () => {
    const doc = syntheticHierarchy(400, catalogue, { zones: true });
    const input: FarSceneInput = { ...doc, measured: {}, selectedHostIds: [], catalogue, size: SIZE };
    const place = new Map(doc.hosts.map((h, i) => [h.id, i]));
    const ends = Int32Array.from(doc.links.flatMap((l) => [place.get(l.source)!, place.get(l.target)!]));
    const first = farScene({ ...input, places: { hosts: doc.hosts, links: doc.links, ends } });
    const chosen = [doc.hosts[7]!.id, doc.hosts[300]!.id, 'no-such-host'];
    // The same hosts, another selection and links without places: the kept host order answers both.
    const links = [
      ...doc.links.slice(1),
      { id: 'l-new', source: doc.hosts[3]!.id, target: doc.hosts[9]!.id },
    ];
    const next = { ...input, links, selectedHostIds: chosen };
    const kept = farScene(next, first);
    expect(kept.made.slot).toBe(first.made.slot);
    expect(drawn(kept)).toEqual(drawn(farScene(next)));
    expect(kept.selected).toHaveLength(2);
    // Many ids asked (a map of them all is made), some of no host.
    const many = { ...next, selectedHostIds: [...doc.hosts.slice(0, 40).map((h) => h.id), 'gone'] };
    const again = farScene(many, kept);
    expect(drawn(again)).toEqual(drawn(farScene(many)));
    expect(again.selected).toHaveLength(40);
  });
});
