import { pickColour, readPresence } from '@/domain/shared-doc/presence';

describe('presence from peers', () => {
  it('is read with a name, a colour in range, a finite pointer and bounded selections', () => {
    expect(
      readPresence({ name: '  Ana\n Lopez ', colour: 11, pointer: { x: 1, y: 2 }, hosts: ['h1', 3] }),
    ).toEqual({
      name: 'Ana Lopez',
      colour: 3,
      pointer: { x: 1, y: 2 },
      hosts: ['h1'],
      links: [],
    });
    const long = readPresence({ name: 'x'.repeat(500), hosts: new Array(5000).fill('h') });
    expect(long?.name).toHaveLength(40);
    expect(long?.hosts).toHaveLength(200);
    expect(readPresence({ name: 'B', pointer: { x: Number.NaN, y: 0 } })?.pointer).toBeUndefined();
  });

  it('is dropped without a name or when it is not an object', () => {
    for (const bad of [null, 'Ana', 42, [], { name: '' }, { name: 7 }])
      expect(readPresence(bad)).toBeUndefined();
  });

  it('gives a newcomer the least used colour', () => {
    expect(pickColour([])).toBe(0);
    expect(pickColour([0, 1, 2])).toBe(3);
    expect(pickColour([0, 1, 2, 3, 4, 5, 6, 7, 0])).toBe(1);
  });
});
