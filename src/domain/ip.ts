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
