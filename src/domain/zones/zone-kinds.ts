/**
 * Kinds of network zone and the colours a zone can take, from data/zones.json. The canvas draws a
 * colour id through a token (`--zone-<id>`), so light and dark mode each have their own shade.
 */
import zonesData from '@data/zones.json';
import type { Zone, ZoneKind } from '../document';

/** A kind of zone as data/zones.json lists it. */
export interface ZoneKindEntry {
  readonly id: ZoneKind;
  readonly name: string;
  readonly colour: string;
}

/** Every kind, in the order the zone inspector offers them. */
export const ZONE_KINDS: readonly ZoneKindEntry[] = zonesData.kinds as ZoneKindEntry[];
/** Every colour id a zone can take. */
export const ZONE_COLOURS: readonly string[] = zonesData.colours;
/** The kind of a zone drawn without one. */
export const DEFAULT_ZONE_KIND = zonesData.defaultKind as ZoneKind;

const kindById = new Map(ZONE_KINDS.map((k) => [k.id, k]));

/**
 * True for a kind data/zones.json lists.
 *
 * @param value - any value read from a file
 * @returns whether it names a zone kind
 * @example
 * isZoneKind('dmz'); // true
 * isZoneKind('lan'); // false
 */
export function isZoneKind(value: unknown): value is ZoneKind {
  return typeof value === 'string' && kindById.has(value as ZoneKind);
}

/**
 * The colour id a zone is drawn with: its own, else its kind's, else the default kind's.
 *
 * @param zone - the zone
 * @returns a colour id of {@link ZONE_COLOURS}
 * @example
 * zoneColour({ id: 'z1', name: 'DMZ', kind: 'dmz' }); // 'orange'
 * zoneColour({ id: 'z1', name: 'DMZ', kind: 'dmz', colour: 'red' }); // 'red'
 */
export function zoneColour(zone: Pick<Zone, 'kind' | 'colour'>): string {
  if (zone.colour && ZONE_COLOURS.includes(zone.colour)) return zone.colour;
  return (kindById.get(zone.kind ?? DEFAULT_ZONE_KIND) ?? ZONE_KINDS[0])?.colour ?? 'blue';
}

/**
 * The name of a zone kind as data/zones.json writes it.
 *
 * @param kind - a zone kind, or none for the default
 * @returns its name
 * @example
 * zoneKindName('clients'); // 'Client network'
 */
export function zoneKindName(kind: ZoneKind | undefined): string {
  return kindById.get(kind ?? DEFAULT_ZONE_KIND)?.name ?? String(kind);
}
