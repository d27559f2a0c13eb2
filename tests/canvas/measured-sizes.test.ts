import { describe, expect, it } from 'vitest';
import { farScene } from '@/canvas/far-scene';
import { hostBounds } from '@/canvas/host-bounds';
import { catalogue } from '@/domain/default-catalogue';
import { makeHost } from '../builders';

const SIZE = { width: 172, height: 64 };

describe('measured sizes in the far layer’s passes over every host', () => {
  // Ids a plain object's prototype has: they were never measured.
  const hosts = [
    makeHost('constructor', ['client']),
    makeHost('toString', ['client']),
    makeHost('a', ['client']),
  ];
  const layout = { constructor: { x: 0, y: 0 }, toString: { x: 400, y: 0 }, a: { x: 0, y: 300 } };
  const measured = { a: { width: 250, height: 100 } };

  it('bounds the hosts by their measured size, else the default one', () => {
    expect(hostBounds(hosts, layout, measured, SIZE)).toEqual({ x: 0, y: 0, width: 572, height: 400 });
  });

  it('draws each host at its measured size, else the default one', () => {
    const scene = farScene({
      hosts,
      links: [],
      layout,
      measured,
      selectedHostIds: [],
      catalogue,
      size: SIZE,
    });
    const at = (id: string) => scene.made.index.place(id)!;
    expect([scene.w[at('constructor')], scene.h[at('constructor')]]).toEqual([172, 64]);
    expect([scene.w[at('toString')], scene.h[at('toString')]]).toEqual([172, 64]);
    expect([scene.w[at('a')], scene.h[at('a')]]).toEqual([250, 100]);
  });
});
