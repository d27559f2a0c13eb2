/**
 * Kinds of network zone and the colours a zone can take, from data/zones.json. The canvas draws a
 * colour id through a token (`--zone-<id>`), so light and dark mode each have their own shade.
 */
import zonesData from '@data/zones.json';
import type { Zone, ZoneKind } from '../document';

/** A kind of zone as data/zones.json lists it. */
export interface ZoneKindEntry {
  readonly id: ZoneKind;
  /** The English name. */
  readonly name: string;
  /** The German name (the domain holds words as data; src/i18n picks the reader's). */
  readonly nameDe: string;
  readonly colour: string;
}

/** Languages data/zones.json names its kinds in (src/i18n's `Language`, which the domain may not import). */
export type ZoneKindLanguage = 'en' | 'de';

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
 * The name of a zone kind as data/zones.json writes it, in English or German.
 *
 * @param kind - a zone kind, or none for the default
 * @param language - the reader's language; English when not given
 * @returns its name; an unknown kind (a newer file) as it is written
 * @example
 * zoneKindName('clients'); // 'Client network'
 * zoneKindName('clients', 'de'); // 'Clientnetzwerk'
 */
export function zoneKindName(kind: ZoneKind | undefined, language: ZoneKindLanguage = 'en'): string {
  const entry = kindById.get(kind ?? DEFAULT_ZONE_KIND);
  if (!entry) return String(kind);
  return language === 'de' ? entry.nameDe : entry.name;
}
