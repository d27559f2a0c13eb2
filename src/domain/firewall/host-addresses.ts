import type { Host, Zone } from '../document';
import { checkIp } from '../ip';
import { naturalKey } from '../natural-key';

/**
 * A zone as the firewall scripts read it. Zones get CIDRs with the zones issue (issue 12); until
 * `Zone` has the field, a zone without it simply has none, and the scripts fall back as below.
 */
export type ZoneWithCidrs = Zone & { readonly cidrs?: readonly string[] };

/**
 * The names a host may be called by on the machine a script runs on: its name, its FQDN and the
 * FQDN's first label (what `$env:COMPUTERNAME` usually is), without repeats (case-blind).
 *
 * @param host - A host of the diagram.
 * @returns The names, the diagram's name first.
 * @example
 * hostNames({ name: 'Site server', fqdn: 'p01-site.corp.example', … });
 * // ['Site server', 'p01-site.corp.example', 'p01-site']
 */
export function hostNames(host: Pick<Host, 'name' | 'fqdn'>): string[] {
  const fqdn = host.fqdn?.trim() ?? '';
  const out: string[] = [];
  for (const name of [host.name, fqdn, fqdn.split('.')[0] ?? '']) {
    if (name !== '' && !out.some((n) => n.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}

/**
 * A host's IP when it is a valid address or subnet; anything else is no address at all.
 *
 * @param host - the host (only its `ip` is read)
 * @example
 * validIp({ ip: ' 10.1.0.10 ' }); // '10.1.0.10'
 * validIp({ ip: '10.1.0' }); // undefined
 */
export function validIp(host: Pick<Host, 'ip'>): string | undefined {
  const ip = host.ip?.trim() ?? '';
  return ip !== '' && checkIp(ip) === undefined ? ip : undefined;
}

/**
 * Where connections from a host come from, for a firewall's remote address: its IP (or subnet)
 * when valid, else the valid CIDRs of its zone, else nothing. Never `Any`: a host we cannot place
 * must not open a port to everyone.
 *
 * @param host - The initiating host.
 * @param zoneById - The diagram's zones by id.
 * @returns The addresses, possibly none.
 * @example
 * remoteAddresses({ ip: '10.1.0.20', … }, zones); // ['10.1.0.20']
 * remoteAddresses({ zone: 'lan', … }, zones); // ['10.2.0.0/16'] when zone lan has that CIDR
 */
export function remoteAddresses(
  host: Pick<Host, 'ip' | 'zone'>,
  zoneById: ReadonlyMap<string, ZoneWithCidrs>,
): string[] {
  const ip = validIp(host);
  if (ip !== undefined) return [ip];
  const zone = host.zone === undefined ? undefined : zoneById.get(host.zone);
  const cidrs = Array.isArray(zone?.cidrs) ? zone.cidrs : [];
  return cidrs.map((c) => String(c).trim()).filter((c) => c !== '' && checkIp(c) === undefined);
}

/**
 * Where a script reaches a host: its FQDN (when it is a DNS name), else its IP when it is one
 * address (not a subnet); undefined otherwise. A bare diagram name is not tried: "Internet" or
 * "Clients HQ" would fail and read as blocked.
 *
 * @param host - The target host.
 * @returns A name or address to connect to.
 * @example
 * targetAddress({ name: 'DP', fqdn: 'dp.corp.example', ip: '10.0.0.5' }); // 'dp.corp.example'
 * targetAddress({ name: 'Client group', ip: '10.2.0.0/16' }); // undefined
 */
export function targetAddress(host: Pick<Host, 'fqdn' | 'ip'>): string | undefined {
  const fqdn = host.fqdn?.trim() ?? '';
  if (/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(fqdn)) {
    return fqdn;
  }
  const ip = validIp(host);
  return ip !== undefined && !ip.includes('/') ? ip : undefined;
}

/**
 * Orders per-host entries by the host's name as the matrix does (natural, case-blind), then id.
 *
 * @param a - One entry.
 * @param b - The other.
 * @returns A negative number when `a` sorts first (as `Array.prototype.sort` wants).
 * @example
 * entries.sort(compareByHost); // DP2 before dp10
 */
export function compareByHost(
  a: { readonly host: string; readonly hostId: string },
  b: { readonly host: string; readonly hostId: string },
): number {
  const ka = naturalKey(a.host);
  const kb = naturalKey(b.host);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.hostId < b.hostId ? -1 : a.hostId > b.hostId ? 1 : 0;
}
