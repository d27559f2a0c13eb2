import { describe, expect, it } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { restoreDocument } from '@/domain/restore';
import { english, german } from '../../support/words';

const file = (zones: unknown[]) => ({
  format: 'cm-port-planner',
  version: 3,
  name: 'Z',
  hosts: [],
  links: [],
  zones,
});

describe('restore of zone fields', () => {
  it('keeps kind, colour, address ranges and box', () => {
    const zone = {
      id: 'z1',
      name: 'DMZ',
      kind: 'dmz',
      colour: 'red',
      cidrs: ['10.1.0.0/16'],
      box: { x: 1, y: 2, width: 300, height: 200 },
    };
    const result = restoreDocument(file([zone]), catalogue);
    expect(result.ok && result.document.zones[0]).toEqual(zone);
    expect(result.ok && result.problems).toEqual([]);
  });

  it('drops what is not usable, each with a line naming the zone', () => {
    const zone = {
      id: 'z1',
      name: 'DMZ',
      kind: 'lan',
      colour: { toString: null },
      cidrs: ['10.0.0.1', 'fd00::/8', 7],
      box: { x: 'a', y: 0, width: 1, height: 1 },
    };
    const result = restoreDocument(file([zone]), catalogue);
    if (!result.ok) throw new Error(english(result.error));
    expect(result.document.zones[0]).toEqual({ id: 'z1', name: 'DMZ', cidrs: ['fd00::/8'] });
    expect(result.problems).toHaveLength(5);
    expect(result.problems.every((p) => english(p).startsWith('Zone "DMZ"'))).toBe(true);
    expect(result.problems.map((p) => german(p))).toEqual([
      'Zone „DMZ“: Die Art wurde entfernt, da „lan“ keine Zonenart ist',
      'Zone „DMZ“: Die Farbe wurde entfernt, da ein Objekt keine Zonenfarbe ist',
      'Zone „DMZ“: Adressbereich entfernt: „10.0.0.1“ hat keine Präfixlänge (wie /24)',
      'Zone „DMZ“: Adressbereich entfernt: 7 ist kein Text',
      'Zone „DMZ“: Der Rahmen wurde entfernt, da ein Objekt kein Rechteck ist',
    ]);
  });

  it('clamps a huge box and keeps width and height positive', () => {
    const result = restoreDocument(
      file([{ id: 'z', name: 'Z', box: { x: 1e12, y: 0, width: -5, height: 0 } }]),
      catalogue,
    );
    expect(result.ok && result.document.zones[0]?.box).toEqual({ x: 1_000_000, y: 0, width: 1, height: 1 });
  });
});
