import { describe, expect, it } from 'vitest';
import { changedPicture, type FarPicture, mergePicture } from '@/canvas/far-paint';
import { type FarSceneInput, farScene } from '@/canvas/far-scene';
import { catalogue } from '@/domain/default-catalogue';
import { syntheticHierarchy } from '../../bench/synthetic';
import { seededRandom } from '../support/random';

const SIZE = { width: 172, height: 64 };
const FIELDS = ['x', 'y', 'w', 'h', 'colour', 'colours', 'links', 'selected'] as const;

/** The picture's contents as plain lists. */
const contents = (p: FarPicture) => Object.fromEntries(FIELDS.map((k) => [k, [...p[k]]]));

describe('the far layer worker’s copy of the scene', () => {
  it('equals the scene after every edit, though only the changed arrays crossed', () => {
    const doc = syntheticHierarchy(300, catalogue, { zones: true });
    let input: FarSceneInput = { ...doc, measured: {}, selectedHostIds: [], catalogue, size: SIZE };
    let scene = farScene(input);
    // What the worker holds: structured copies, as postMessage makes them.
    let held = mergePicture(undefined, structuredClone(changedPicture(scene, undefined)));
    let sent: FarPicture = scene;
    const next = seededRandom(15);
    let skipped = 0;
    for (let step = 0; step < 100; step += 1) {
      const i = next(input.hosts.length);
      const host = input.hosts[i]!;
      const kind = next(5);
      if (kind === 0)
        input = {
          ...input,
          hosts: input.hosts.with(i, { ...host, roles: [...host.roles, 'distribution-point'] }),
        };
      if (kind === 1)
        input = {
          ...input,
          links: [...input.links, { id: `x${step}`, source: host.id, target: input.hosts[0]!.id }],
        };
      if (kind === 2)
        input = { ...input, layout: { ...input.layout, [host.id]: { x: step * 10, y: -step } } };
      if (kind === 3) input = { ...input, selectedHostIds: [host.id] };
      if (kind === 4)
        input = { ...input, measured: { ...input.measured, [host.id]: { width: 90, height: 30 } } };
      scene = farScene(input, scene);
      const changed = changedPicture(scene, sent);
      skipped += FIELDS.length - Object.keys(changed).length;
      held = mergePicture(held, structuredClone(changed));
      sent = scene;
      expect(contents(held), `step ${step}`).toEqual(contents(scene));
    }
    // Most edits leave most arrays as they were: those are not copied again.
    expect(skipped).toBeGreaterThan(100);
  });
});
