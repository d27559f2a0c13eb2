/**
 * The matrix's words about zones, in one place: the rows carry zone ids and a crossing flag, and
 * the table turns them into text here (the domain makes no sentences).
 */
export const ZONE_MESSAGES = {
  /** The panel's header of the `crossesZone` column (the files say "Crosses zone boundary"). */
  boundaryHeader: 'Zone boundary',
  /** The mark of a flow between two hosts of one zone: no firewall between them. */
  inside: (zone: string) => `inside zone ${zone}`,
  /** A flow between two known, different zones. */
  crosses: 'crosses',
  /** A flow with a host of no known zone: counted as crossing until the zones say otherwise. */
  crossesUnknown: 'crosses (zone unknown)',
  onlyCrossing: 'Only flows that cross a zone boundary',
  /** The checkbox's short text in the matrix bar (its accessible name is `onlyCrossing`). */
  onlyCrossingShort: 'Crossing zones only',
  /** A zone pair heading: source zone → destination zone. */
  pair: (source: string, target: string) => `${source} → ${target}`,
  /** Stands in for the zone of a host that has none. */
  noZone: 'no zone',
} as const;
