/**
 * Where each site is drawn: a tinted band around the hosts of one site code, with the code, the
 * site type and the parent site read from its site server. A site whose hosts are spread over
 * zones is drawn in the zone most of them are in (as the automatic layout boxes it), so a band
 * never spans the whole drawing.
 */
import type { Box, Host, Position, SiteType } from '../document';
import { fitAround, hostBox } from './zone-frames';

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

/** The role id of a site server, whose options name the site type and parent. */
const SITE_SERVER = 'site-server';

/**
 * The band of every site code that has at least one placed host.
 *
 * @param hosts - the document's hosts
 * @param layout - host positions
 * @param sizes - measured host sizes
 * @returns one frame per site code, in order of first appearance
 * @example
 * siteFrames([{ id: 's', name: 'P01-SITE', site: 'P01', roles: ['site-server'], options: { siteType: 'primary' } }], { s: { x: 0, y: 0 } }, {});
 * // [{ code: 'P01', siteType: 'primary', box: { x: -24, y: -44, width: 220, height: 132 }, … }]
 */
export function siteFrames(
  hosts: readonly Host[],
  layout: Readonly<Record<string, Position>>,
  sizes: Sizes,
): SiteFrame[] {
  const bySite = new Map<string, Host[]>();
  for (const host of hosts) {
    if (!host.site || !layout[host.id]) continue;
    const list = bySite.get(host.site) ?? [];
    list.push(host);
    bySite.set(host.site, list);
  }
  const frames: SiteFrame[] = [];
  for (const [code, members] of bySite) {
    const count = new Map<string | undefined, number>();
    for (const h of members) count.set(h.zone, (count.get(h.zone) ?? 0) + 1);
    let zone: string | undefined;
    let most = -1;
    for (const [z, n] of count) {
      if (n > most) {
        zone = z;
        most = n;
      }
    }
    const inZone = members.filter((h) => h.zone === zone);
    const server = members.find((h) => h.roles.includes(SITE_SERVER));
    frames.push({
      code,
      box: fitAround(inZone.map((h) => hostBox(h, layout, sizes) as Box)),
      zone,
      siteType: server?.options.siteType,
      parentSite: server?.options.parentSite,
      hostCount: members.length,
    });
  }
  return frames;
}
