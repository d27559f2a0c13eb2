/** Cell values as ConfigMgr writes them: NAL paths, site and boundary types, lists in one cell. */
import type { SiteType } from '../document';
import { checkSiteCode } from '../host-fields';
import { checkIp } from '../ip';
import { headerKey } from './headers';
import type { Boundary, BoundaryType } from './import-types';

/**
 * The server a `NetworkOSPath` or NAL path names: `\\P01-MP01.corp.example` and
 * `["Display=\\P01-DP01.corp.example\"]MSWNET:["SMS_SITE=P01"]\\P01-DP01.corp.example\` both give
 * the host name after the last double backslash.
 *
 * @param path - the cell as written
 * @returns the server name or FQDN, or undefined when the path names none
 * @example
 * serverOf('\\\\P01-MP01.corp.example'); // 'P01-MP01.corp.example'
 */
export function serverOf(path: string): string | undefined {
  const parts = path.split('\\').filter((p) => p.trim() !== '');
  const last = parts.at(-1)?.trim();
  if (!last || /[[\]"=:]/.test(last)) return undefined;
  return last;
}

/** `Get-CMSite`'s `Type` (1 secondary, 2 primary, 4 CAS) and the words consoles and people use. */
const SITE_TYPES: ReadonlyMap<string, SiteType> = new Map(
  (
    [
      ['1', 'secondary'],
      ['2', 'primary'],
      ['4', 'cas'],
      ['secondary', 'secondary'],
      ['secondary site', 'secondary'],
      ['sekundärer standort', 'secondary'],
      ['sekundär', 'secondary'],
      ['primary', 'primary'],
      ['primary site', 'primary'],
      ['primärer standort', 'primary'],
      ['primär', 'primary'],
      ['cas', 'cas'],
      ['central administration site', 'cas'],
      ['zentraler verwaltungsstandort', 'cas'],
    ] as const
  ).map(([k, v]) => [headerKey(k), v]),
);

/**
 * A site type cell read as our site type.
 *
 * @example
 * siteTypeOf('4'); // 'cas'
 * siteTypeOf('Primärer Standort'); // 'primary'
 */
export function siteTypeOf(value: string): SiteType | undefined {
  return SITE_TYPES.get(headerKey(value));
}

/** `Get-CMBoundary`'s `BoundaryType` (0 subnet, 1 AD site, 2 IPv6 prefix, 3 range) and its words. */
const BOUNDARY_TYPES: ReadonlyMap<string, BoundaryType> = new Map(
  (
    [
      ['0', 'ip-subnet'],
      ['1', 'ad-site'],
      ['2', 'ipv6-prefix'],
      ['3', 'ip-range'],
      ['ip subnet', 'ip-subnet'],
      ['ipsubnet', 'ip-subnet'],
      ['ip-subnetz', 'ip-subnet'],
      ['active directory site', 'ad-site'],
      ['adsite', 'ad-site'],
      ['active directory-standort', 'ad-site'],
      ['ipv6 prefix', 'ipv6-prefix'],
      ['ipv6-präfix', 'ipv6-prefix'],
      ['ip address range', 'ip-range'],
      ['iprange', 'ip-range'],
      ['ip-adressbereich', 'ip-range'],
      ['ip-bereich', 'ip-range'],
    ] as const
  ).map(([k, v]) => [headerKey(k), v]),
);

/**
 * A boundary type cell read as our boundary type.
 *
 * @example
 * boundaryTypeOf('3'); // 'ip-range'
 */
export function boundaryTypeOf(value: string): BoundaryType | undefined {
  return BOUNDARY_TYPES.get(headerKey(value));
}

/**
 * The type a boundary value has by its form, for lists that give values only: `a-b` of two
 * addresses is a range, an IPv6 address a prefix, an IPv4 address a subnet, anything else an AD site.
 *
 * @example
 * guessBoundary('10.1.0.1-10.1.0.254'); // { type: 'ip-range', value: '10.1.0.1-10.1.0.254' }
 */
export function guessBoundary(value: string): Boundary {
  const range = value.split('-');
  if (range.length === 2 && range.every((p) => p.trim() !== '' && checkIp(p.trim()) === undefined)) {
    return { type: 'ip-range', value };
  }
  if (checkIp(value) === undefined) return { type: value.includes(':') ? 'ipv6-prefix' : 'ip-subnet', value };
  return { type: 'ad-site', value };
}

/**
 * The values of a cell that lists several (`a; b`, `a, b`, `a | b` or one per line in the cell).
 *
 * @example
 * listOf('MP; DP,SUP'); // ['MP', 'DP', 'SUP']
 */
export function listOf(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[;,|\r\n]+/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * A site code as stored: the rule of {@link checkSiteCode} (three letters or digits), upper case;
 * anything else is not a site code.
 *
 * @param value - a cell of an exported file
 * @example
 * siteCodeOf(' p01 '); // 'P01'
 * siteCodeOf('P0'); // undefined
 */
export function siteCodeOf(value: string | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && checkSiteCode(code) === undefined ? code : undefined;
}

/** The words a boundary type is shown with in a client group's notes. */
export const BOUNDARY_WORDS: Readonly<Record<BoundaryType, string>> = {
  'ip-subnet': 'IP subnet',
  'ad-site': 'AD site',
  'ipv6-prefix': 'IPv6 prefix',
  'ip-range': 'IP range',
};
