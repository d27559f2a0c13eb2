import type { Zone } from '@/domain/document';
import { crossesZone, knownZone, zonePairKey } from '@/domain/zones/crossing';

const zones = new Map<string, Zone>([
  ['a', { id: 'a', name: 'Core' }],
  ['b', { id: 'b', name: 'Clients' }],
  ['p', { id: 'p', name: 'Datacenter' }],
  ['c', { id: 'c', name: 'Management', parent: 'p' }],
]);

describe('crossesZone', () => {
  it.each([
    ['both hosts in one zone', { zone: 'a' }, { zone: 'a' }, false],
    ['hosts in two zones', { zone: 'a' }, { zone: 'b' }, true],
    ['a child zone and its parent', { zone: 'c' }, { zone: 'p' }, true],
    ['a parent zone and its child', { zone: 'p' }, { zone: 'c' }, true],
    ['both hosts in one child zone', { zone: 'c' }, { zone: 'c' }, false],
    ['no zone on either host', {}, {}, true],
    ['no zone on the source', {}, { zone: 'a' }, true],
    ['no zone on the target', { zone: 'a' }, {}, true],
    ['one zone id no zone has, on both hosts', { zone: 'gone' }, { zone: 'gone' }, true],
    ['an empty zone id on both hosts', { zone: '' }, { zone: '' }, true],
  ])('%s: %s', (_, source, target, crosses) => {
    expect(crossesZone(source, target, zones)).toBe(crosses);
  });

  it('counts a flow to or from a host the document lacks as crossing', () => {
    expect(crossesZone(undefined, { zone: 'a' }, zones)).toBe(true);
    expect(crossesZone({ zone: 'a' }, undefined, zones)).toBe(true);
  });
});

describe('knownZone and zonePairKey', () => {
  it('names a zone only when the document has it', () => {
    expect(knownZone({ zone: 'a' }, zones)).toBe('a');
    expect(knownZone({ zone: 'gone' }, zones)).toBe('');
    expect(knownZone({}, zones)).toBe('');
    expect(knownZone(undefined, zones)).toBe('');
  });

  it('keys a zone pair by direction, and keeps ids with separators apart', () => {
    expect(zonePairKey('a', 'b')).not.toBe(zonePairKey('b', 'a'));
    expect(zonePairKey('a', 'a')).toBe(zonePairKey('a', 'a'));
    expect(zonePairKey('a,b', 'c')).not.toBe(zonePairKey('a', 'b,c'));
    expect(zonePairKey('', 'a')).not.toBe(zonePairKey('a', ''));
  });
});
