/** Address checks for host IPs: IPv4 or IPv6, each optionally with a prefix length. */

import { type Message, message } from './message';
import { quoted } from './restore-values';

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.includes(':::')) return false;
  const doubleColons = text.split('::').length - 1;
  if (doubleColons > 1) return false;
  let groups = text.split(':');
  const last = groups[groups.length - 1] ?? '';
  let extra = 0;
  if (last.includes('.')) {
    if (!isIpv4(last)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
  }
  const filled = groups.filter((g) => g !== '');
  if (!filled.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = filled.length + extra;
  return doubleColons === 1 ? count < 8 : count === 8 && groups.every((g) => g !== '');
}

/**
 * Says why an address is not valid: IPv4 or IPv6, each optionally with a prefix length (a subnet
 * for client groups). An empty string counts as no address. The one meaning of "bad address": the
 * inspector, restore, the import and the checks all refuse with these words.
 *
 * @param input - The address as typed or stored.
 * @returns Undefined when valid (or empty), else the reason as a message naming the value.
 * @example
 * checkIp('10.0.0.0/24'); // undefined
 * checkIp('10.0.0.300'); // { key: 'restore:address.notAddress', … }: '"10.0.0.300" is not an IPv4 or IPv6 address'
 */
export function checkIp(input: string): Message | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  const [address = '', prefix, ...rest] = text.split('/');
  if (rest.length > 0) return message('restore:address.slashes', { value: quoted(input) });
  const v4 = isIpv4(address);
  const v6 = !v4 && isIpv6(address);
  if (!v4 && !v6) return message('restore:address.notAddress', { value: quoted(address) });
  if (prefix !== undefined) {
    const max = v4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
      return message('restore:address.prefix', { prefix, max: String(max) });
    }
  }
  return undefined;
}

/**
 * An address as compared for duplicates: trimmed and lower-cased (IPv6 hex digits).
 *
 * @param input - The address as stored.
 * @returns The comparable form.
 * @example
 * normaliseIp(' FD00::1 '); // 'fd00::1'
 */
export function normaliseIp(input: string): string {
  return input.trim().toLowerCase();
}

const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;

/** The number of digits from `at` (0–3 read), or -1 when there are none or more than three. */
function digitsAt(text: string, at: number, end = text.length): number {
  let n = 0;
  while (at + n < end) {
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
 * @param text - An address as stored (or a text that holds it).
 * @param from - where the address starts in `text`
 * @param to - where it ends
 * @returns Whether it is a plain IPv4 address (or subnet).
 * @example
 * plainIpv4('10.0.0.0/24'); // true
 * plainIpv4(' 10.0.0.1'); // false: checkIp decides
 */
export function plainIpv4(text: string, from = 0, to = text.length): boolean {
  let at = from;
  for (let part = 0; part < 4; part += 1) {
    if (part > 0) {
      if (text.charCodeAt(at) !== DOT) return false;
      at += 1;
    }
    const n = digitsAt(text, at, to);
    if (n < 0 || (n > 1 && text.charCodeAt(at) === ZERO) || valueAt(text, at, n) > 255) return false;
    at += n;
  }
  if (at === to) return true;
  if (text.charCodeAt(at) !== SLASH) return false;
  const n = digitsAt(text, at + 1, to);
  return n > 0 && at + 1 + n === to && valueAt(text, at + 1, n) <= 32;
}
