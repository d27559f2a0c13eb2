/**
 * Where each site is drawn: a tinted band around the hosts of one site code, with the code, the
 * site type and the parent site read from its site server. A site whose hosts are spread over
 * zones is drawn in the zone most of them are in (as the automatic layout boxes it), so a band
 * never spans the whole drawing.
 */
import type { Box, Host, Position, SiteType } from '../document';
import { Extent } from './zone-frames';

/** One site's band: values only; the canvas writes the words. */
export interface SiteFrame {
  readonly code: string;
  readonly box: Box;
  /** The zone its band sits in (the zone most of its hosts are in), if any. */
  readonly zone: string | undefined;
  readonly siteType: SiteType | undefined;
  readonly parentSite: string | undefined;
  readonly hostCount: number;
}

type Sizes = Readonly<Record<string, { readonly width: number; readonly height: number }>>;

/** A site's hosts in one zone (or none): how many, and their bounds. */
interface InZone {
  count: number;
  readonly extent: Extent;
}

/** What siteFrames gathers of one site. */
interface Site {
  count: number;
  server: Host | undefined;
  readonly zones: Map<string | undefined, InZone>;
}

/** The role id of a site server, whose options name the site type and parent. */
const SITE_SERVER = 'site-server';

/**
 * The band of every site code that has at least one placed host.
 *
 * @param hosts - the document's hosts
 * @param layout - host positions
 * @param sizes - measured host sizes
 * @param xy - the hosts' positions in host order, when known (layout-column.ts): every host is
 *   placed, and no position is looked up
 * @returns one frame per site code, in order of first appearance
 * @example
 * siteFrames([{ id: 's', name: 'P01-SITE', site: 'P01', roles: ['site-server'], options: { siteType: 'primary' } }], { s: { x: 0, y: 0 } }, {});
 * // [{ code: 'P01', siteType: 'primary', box: { x: -24, y: -44, width: 220, height: 132 }, … }]
 */
export function siteFrames(
  hosts: readonly Host[],
  layout: Readonly<Record<string, Position>>,
  sizes: Sizes,
  xy?: Float64Array,
): SiteFrame[] {
  // One pass, no box per host: per site its host count, first site server and, per zone its hosts
  // are in, how many and their bounds.
  const bySite = new Map<string, Site>();
  // Indexed: it runs once on opening a large document, where an iterator's step is an object per host.
  for (let i = 0; i < hosts.length; i += 1) {
    const host = hosts[i] as Host;
    if (!host.site || (!xy && !layout[host.id])) continue;
    let site = bySite.get(host.site);
    if (!site) {
      site = { count: 0, server: undefined, zones: new Map() };
      bySite.set(host.site, site);
    }
    site.count += 1;
    if (!site.server && host.roles.includes(SITE_SERVER)) site.server = host;
    let inZone = site.zones.get(host.zone);
    if (!inZone) {
      inZone = { count: 0, extent: new Extent() };
      site.zones.set(host.zone, inZone);
    }
    inZone.count += 1;
    if (xy) inZone.extent.addSized(xy[2 * i] as number, xy[2 * i + 1] as number, host.id, sizes);
    else inZone.extent.addHost(host.id, layout, sizes);
  }
  const frames: SiteFrame[] = [];
  for (const [code, site] of bySite) {
    // The zone most of its hosts are in (the first seen of equals).
    let zone: string | undefined;
    let most: InZone | undefined;
    for (const [z, inZone] of site.zones) {
      if (most === undefined || inZone.count > most.count) {
        zone = z;
        most = inZone;
      }
    }
    frames.push({
      code,
      box: (most as InZone).extent.fitted(),
      zone,
      siteType: site.server?.options.siteType,
      parentSite: site.server?.options.parentSite,
      hostCount: site.count,
    });
  }
  return frames;
}
