import type { Host } from '../document';
import { checkIp, normaliseIp, plainIpv4 } from '../ip';
import type { Message } from '../message';

/**
 * Host addresses as the checks read them, every host once per run: most addresses are plain IPv4
 * (`10.1.0.20`, `10.1.0.0/24`), which `plainIpv4` reads by char codes without a string made;
 * anything else goes to `checkIp`, the one meaning of a bad address.
 */

/**
 * Why a typed address is not valid, as `checkIp` says it.
 *
 * @param ip - An address as stored.
 * @returns Undefined when valid (or empty), else the reason.
 * @example
 * addressProblem('10.0.0.300'); // restore:address.notAddress
 */
export function addressProblem(ip: string): Message | undefined {
  return plainIpv4(ip) ? undefined : checkIp(ip);
}

/**
 * The key under which a host's valid address is shared with other hosts.
 *
 * @param host - A host.
 * @returns The normalised address; undefined for none or an invalid one.
 * @example
 * addressKey({ ...host, ip: ' FD00::1 ' }); // 'fd00::1'
 */
export function addressKey(host: Host): string | undefined {
  const ip = host.ip;
  if (ip === undefined) return undefined;
  if (plainIpv4(ip)) return ip;
  if (ip.trim() === '' || checkIp(ip)) return undefined;
  return normaliseIp(ip);
}
