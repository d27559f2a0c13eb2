import zonesData from '@data/zones.json';
import {
  DEFAULT_ZONE_KIND,
  isZoneKind,
  ZONE_KINDS,
  zoneColour,
  zoneKindName,
} from '@/domain/zones/zone-kinds';

/** Kind names German writes as English does. */
const SAME_IN_GERMAN = new Set(['DMZ', 'Internet', 'Cloud']);

describe('zone kinds', () => {
  it('name every kind in English and German, German differing except for names German shares', () => {
    expect(ZONE_KINDS.length).toBe(zonesData.kinds.length);
    for (const kind of ZONE_KINDS) {
      expect(kind.name.trim(), kind.id).not.toBe('');
      expect(kind.nameDe.trim(), kind.id).not.toBe('');
      if (!SAME_IN_GERMAN.has(kind.nameDe)) expect(kind.nameDe, kind.id).not.toBe(kind.name);
    }
    expect(new Set(ZONE_KINDS.map((k) => k.nameDe)).size).toBe(ZONE_KINDS.length);
  });

  it('give a kind’s name in the language asked for, English when none is asked', () => {
    expect(zoneKindName('clients')).toBe('Client network');
    expect(zoneKindName('clients', 'en')).toBe('Client network');
    expect(zoneKindName('clients', 'de')).toBe('Clientnetzwerk');
    expect(zoneKindName('branch', 'de')).toBe('Zweigstelle');
    expect(zoneKindName(undefined, 'de')).toBe(zoneKindName(DEFAULT_ZONE_KIND, 'de'));
    expect(zoneKindName(undefined, 'de')).toBe('Rechenzentrum');
  });

  it('keep an unknown kind (a newer file) as it is written, in either language', () => {
    const newer = 'lab' as Parameters<typeof zoneKindName>[0];
    expect(isZoneKind('lab')).toBe(false);
    expect(zoneKindName(newer)).toBe('lab');
    expect(zoneKindName(newer, 'de')).toBe('lab');
  });

  it('keep the colours: a kind’s colour does not depend on the language', () => {
    expect(zoneColour({ kind: 'dmz' })).toBe('orange');
    expect(zoneColour({ kind: 'dmz', colour: 'red' })).toBe('red');
  });
});
