/**
 * Random documents for the layout's property test: a seeded generator (the same 50 documents on
 * every run) of hosts with mixed roles, sites and sizes in nested zones, and random links.
 */
import type { RoleId } from '@/domain/catalogue-types';
import type { Host, Link, SiteType, TopologyDocument, Zone } from '@/domain/document';
import type { Size } from '@/domain/layout/layout-types';
import { makeDocument } from '../builders';

/** mulberry32: a small seeded generator, enough to vary documents reproducibly. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const ROLE_SETS: readonly (readonly RoleId[])[] = [
  ['site-server', 'sms-provider'],
  ['site-server', 'sql-server', 'management-point', 'distribution-point'],
  ['sql-server'],
  ['management-point'],
  ['distribution-point'],
  ['software-update-point'],
  ['client'],
  ['client', 'console'],
  ['domain-controller', 'global-catalog'],
  ['internet'],
  ['intune', 'microsoft'],
  ['cloud-distribution-point'],
  [],
  ['role-from-a-newer-catalogue'],
];
const SITES = ['CAS', 'P01', 'P02', 'S01', 'S02', undefined] as const;
const SITE_TYPES: Readonly<Record<string, SiteType>> = {
  CAS: 'cas',
  P01: 'primary',
  P02: 'primary',
  S01: 'secondary',
};

/** Document number `seed`: up to 40 hosts in up to 6 zones nested up to three deep, and measured sizes. */
export function randomEstate(seed: number): { document: TopologyDocument; sizes: Record<string, Size> } {
  const { next, int, pick } = generator(seed);
  const zones: Zone[] = [];
  for (let i = 0, n = int(7); i < n; i += 1) {
    // Parents only point back, so zones nest without cycles; now and then at a zone that does not exist.
    const parent = i > 0 && next() < 0.5 ? `z${int(i)}` : next() < 0.1 ? 'no-such-zone' : undefined;
    zones.push({ id: `z${i}`, name: `Zone ${i}`, ...(parent ? { parent } : {}) });
  }
  const hosts: Host[] = [];
  const sizes: Record<string, Size> = {};
  for (let i = 0, n = 1 + int(40); i < n; i += 1) {
    const roles = pick(ROLE_SETS);
    const site = pick(SITES);
    const zone =
      zones.length > 0 && next() < 0.8 ? pick(zones).id : next() < 0.2 ? 'no-such-zone' : undefined;
    const siteType = roles.includes('site-server') && site ? SITE_TYPES[site] : undefined;
    hosts.push({
      id: `h${i}`,
      name: `H${i}`,
      roles: [...roles],
      options: siteType ? { siteType } : {},
      ...(site ? { site } : {}),
      ...(zone ? { zone } : {}),
    });
    if (next() < 0.5) sizes[`h${i}`] = { width: 150 + int(120), height: 50 + int(60) };
  }
  const links: Link[] = [];
  for (let i = 0, n = int(hosts.length * 2); i < n; i += 1) {
    links.push({ id: `l${i}`, source: pick(hosts).id, target: pick(hosts).id });
  }
  return { document: makeDocument(hosts, links, { zones }), sizes };
}
