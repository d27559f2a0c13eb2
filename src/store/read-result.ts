/** What reading a document file gives the page: the restore result, with where things are when the worker packed them. */
import type { HostOrders } from '@/domain/host-orders';
import type { LayoutColumn } from '@/domain/layout-column';
import { type LinkPlaces, linkPlacesOf } from '@/domain/link-places';
import type { RestoreResult } from '@/domain/restore';

/**
 * A file read: the restore result, and where its links' ends are when the worker packed them (and
 * its hosts' positions in host order, when it packed those too).
 */
export type ReadResult =
  | RestoreResult
  | (RestoreResult & { readonly ok: true; readonly places: LinkPlaces; readonly column?: LayoutColumn });

/**
 * A result with the places of its links' ends, when they are known (one pair per link), and its
 * layout as a column, when the positions it was unpacked from are known (one pair per host).
 */
export function withPlaces(
  result: RestoreResult,
  ends: Int32Array | undefined,
  xy?: Float64Array,
  orders?: HostOrders,
): ReadResult {
  const places = result.ok ? linkPlacesOf(result.document, ends, orders) : undefined;
  if (!places || !result.ok) return result;
  const { hosts, layout } = result.document;
  return xy?.length === hosts.length * 2
    ? { ...result, places, column: { hosts, layout, xy } }
    : { ...result, places };
}
