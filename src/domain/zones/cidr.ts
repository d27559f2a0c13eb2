/**
 * Address ranges of zones: whether an address lies in a CIDR, and which zone an address belongs to
 * (the most specific range wins, as in routing). IPv4 and IPv6; addresses are compared as bigints.
 */

import type { Zone } from '../document';
import { checkIp } from '../ip';
import { type Message, message } from '../message';
import { quoted } from '../restore-values';

/** An address as a number, its family and the prefix length written with it (if any). */
interface Parsed {
  readonly value: bigint;
  readonly bits: 32 | 128;
  readonly prefix: number | undefined;
}

function v4Value(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6Value(text: string): bigint {
  let head = text;
  let tail4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail4 = v4Value(text.slice(lastColon + 1));
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left = '', right] = head.split('::');
  const leftGroups = left === '' ? [] : left.split(':');
  const rightGroups = right === undefined || right === '' ? [] : right.split(':');
  const missing = 8 - leftGroups.length - rightGroups.length;
  const groups = [
    ...leftGroups,
    ...Array<string>(right === undefined ? 0 : missing).fill('0'),
    ...rightGroups,
  ];
  let value = groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
  if (tail4 !== undefined) value = (value & ~0xffffffffn) | tail4;
  return value;
}

/**
 * Reads an address with an optional prefix length.
 *
 * @param text - e.g. `10.1.2.3`, `10.1.0.0/16`, `fd00::/8`
 * @returns the parsed address, or undefined when it is not valid
 * @example
 * parseAddress('10.0.0.0/8')?.prefix; // 8
 */
export function parseAddress(text: string): Parsed | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || checkIp(trimmed) !== undefined) return undefined;
  const [address = '', prefixText] = trimmed.split('/');
  const v4 = !address.includes(':');
  return {
    value: v4 ? v4Value(address) : v6Value(address),
    bits: v4 ? 32 : 128,
    prefix: prefixText === undefined ? undefined : Number(prefixText),
  };
}

/**
 * Whether an address (or a whole subnet, for a client group) lies inside a range.
 *
 * @param ip - an address, optionally with a prefix (then the subnet must fit inside the range)
 * @param cidr - a range with a prefix length; without one it is a single address
 * @returns true when inside; false for addresses of the other family or that are not valid
 * @example
 * ipInCidr('10.1.2.3', '10.1.0.0/16'); // true
 * ipInCidr('10.2.0.0/24', '10.1.0.0/16'); // false
 */
export function ipInCidr(ip: string, cidr: string): boolean {
  const address = parseAddress(ip);
  const range = parseAddress(cidr);
  if (!address || !range || address.bits !== range.bits) return false;
  const prefix = range.prefix ?? range.bits;
  if ((address.prefix ?? address.bits) < prefix) return false;
  const shift = BigInt(range.bits - prefix);
  return address.value >> shift === range.value >> shift;
}

/**
 * The zone whose address ranges hold an address; the most specific range wins (longest prefix),
 * and between equal ones the first zone.
 *
 * @param ip - a host's address
 * @param zones - the document's zones
 * @returns the zone, or undefined when no range holds the address
 * @example
 * zoneForIp('10.1.2.3', [{ id: 'dc', name: 'DC', cidrs: ['10.0.0.0/8'] }, { id: 'dmz', name: 'DMZ', cidrs: ['10.1.2.0/24'] }]);
 * // the DMZ zone
 */
export function zoneForIp(ip: string | undefined, zones: readonly Zone[]): Zone | undefined {
  if (!ip || parseAddress(ip) === undefined) return undefined;
  let best: Zone | undefined;
  let bestPrefix = -1;
  for (const zone of zones) {
    for (const cidr of zone.cidrs ?? []) {
      const range = parseAddress(cidr);
      if (!range || !ipInCidr(ip, cidr)) continue;
      const prefix = range.prefix ?? range.bits;
      if (prefix > bestPrefix) {
        best = zone;
        bestPrefix = prefix;
      }
    }
  }
  return best;
}

/**
 * Says why a zone's address range is not usable: it must be an address with a prefix length.
 *
 * @param cidr - the range as typed
 * @returns undefined when valid, else the reason as a message
 * @example
 * checkCidr('10.0.0.0/8'); // undefined
 * checkCidr('10.0.0.1'); // { key: 'restore:address.noPrefix', … }: '"10.0.0.1" has no prefix length (such as /24)'
 */
export function checkCidr(cidr: string): Message | undefined {
  const reason = checkIp(cidr);
  if (reason) return reason;
  if (!cidr.includes('/')) return message('restore:address.noPrefix', { value: quoted(cidr.trim()) });
  return undefined;
}
