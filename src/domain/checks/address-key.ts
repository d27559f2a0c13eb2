import type { Host } from '../document';
import { checkIp, normaliseIp } from '../ip';
import type { Message } from '../message';

/**
 * Host addresses as the checks read them, every host once per run: most addresses are plain IPv4
 * (`10.1.0.20`, `10.1.0.0/24`), read here by char codes without a string made; anything else goes
 * to `checkIp`, the one meaning of a bad address.
 */

const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;

/** The number of digits from `at` (0–3 read), or -1 when there are none or more than three. */
function digitsAt(text: string, at: number): number {
  let n = 0;
  while (at + n < text.length) {
    const c = text.charCodeAt(at + n);
    if (c < ZERO || c > NINE) break;
    n += 1;
    if (n > 3) return -1;
  }
  return n === 0 ? -1 : n;
}

function valueAt(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i += 1) v = v * 10 + text.charCodeAt(at + i) - ZERO;
  return v;
}

/**
 * True when `text` is, exactly, four decimal parts 0–255 without leading zeros joined by dots,
 * with an optional prefix of one to three digits up to 32: an address `checkIp` accepts and
 * `normaliseIp` leaves as it is. False says only "not this plain form".
 *
 * @param text - An address as stored.
 * @returns Whether it is a plain IPv4 address (or subnet).
 * @example
 * plainIpv4('10.0.0.0/24'); // true
 * plainIpv4(' 10.0.0.1'); // false: checkIp decides
 */
export function plainIpv4(text: string): boolean {
  let at = 0;
  for (let part = 0; part < 4; part += 1) {
    if (part > 0) {
      if (text.charCodeAt(at) !== DOT) return false;
      at += 1;
    }
    const n = digitsAt(text, at);
    if (n < 0 || (n > 1 && text.charCodeAt(at) === ZERO) || valueAt(text, at, n) > 255) return false;
    at += n;
  }
  if (at === text.length) return true;
  if (text.charCodeAt(at) !== SLASH) return false;
  const n = digitsAt(text, at + 1);
  return n > 0 && at + 1 + n === text.length && valueAt(text, at + 1, n) <= 32;
}

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
