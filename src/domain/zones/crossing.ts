import type { Host, Zone } from '../document';

/**
 * The zone a host sits in, when the document knows that zone: a host whose zone id names no zone
 * (a dangling reference) is as unplaced as one without a zone.
 *
 * @param host - The host, or undefined when the flow names a host the document no longer has.
 * @param zonesById - The document's zones by id.
 * @returns The zone id, or `''` when the host's zone is unknown.
 * @example
 * knownZone({ zone: 'dmz' }, new Map([['dmz', dmz]])); // 'dmz'
 * knownZone({ zone: 'gone' }, new Map([['dmz', dmz]])); // ''
 */
export function knownZone(
  host: Pick<Host, 'zone'> | undefined,
  zonesById: ReadonlyMap<string, Zone>,
): string {
  const zone = host?.zone;
  return zone !== undefined && zone !== '' && zonesById.has(zone) ? zone : '';
}

/**
 * Whether a flow between two hosts crosses a zone boundary, and so needs a firewall rule. It stays
 * inside only when both hosts sit in the same zone. Nesting does not make a flow inside: a host of
 * child zone C and a host placed directly in C's parent P are on two sides of C's boundary. A host
 * whose zone is unknown (none, or an id no zone has) counts as crossing: a rule is needed unless we
 * know otherwise.
 *
 * @param source - The initiating host (undefined when the document has no such host).
 * @param target - The responding host.
 * @param zonesById - The document's zones by id.
 * @returns True when the flow crosses a boundary or may do so; false when both hosts share a zone.
 * @example
 * const zones = new Map([['a', zoneA], ['b', zoneB]]);
 * crossesZone({ zone: 'a' }, { zone: 'a' }, zones); // false: inside zone a
 * crossesZone({ zone: 'a' }, { zone: 'b' }, zones); // true
 * crossesZone({}, {}, zones); // true: no zone known, so a rule is needed
 */
export function crossesZone(
  source: Pick<Host, 'zone'> | undefined,
  target: Pick<Host, 'zone'> | undefined,
  zonesById: ReadonlyMap<string, Zone>,
): boolean {
  const zone = knownZone(source, zonesById);
  return zone === '' || target?.zone !== zone;
}

/**
 * The key of a flow's zone pair, source zone first (a flow has a direction, so A → B and B → A
 * are two pairs). Made of ids, never names: two zones of one name stay apart, and the names are
 * written where the pair is shown.
 *
 * @param sourceZoneId - The source host's {@link knownZone} (`''` for none).
 * @param targetZoneId - The target host's {@link knownZone}.
 * @returns A text that differs for every two pairs of ids.
 * @example
 * zonePairKey('lan', 'dc'); // '["lan","dc"]'
 * zonePairKey('', 'dc'); // '["","dc"]'
 */
export function zonePairKey(sourceZoneId: string, targetZoneId: string): string {
  return JSON.stringify([sourceZoneId, targetZoneId]);
}
