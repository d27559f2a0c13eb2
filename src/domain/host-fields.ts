/**
 * Rules for the host fields that have a fixed form: the site code and the FQDN. The inspector
 * checks what people type with them and restore checks documents from files with them, so a value
 * the UI refuses never arrives through a file either. Each returns why the value is refused (a
 * message, said in the reader's language), or undefined when it is fine; empty (or blank) means
 * "not set".
 */

import { type Message, message } from './message';
import { quoted } from './restore-values';

const SITE_CODE = /^[A-Za-z0-9]{3}$/;
const DNS_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** Longest DNS name, without the trailing dot (RFC 1035). */
const FQDN_LIMIT = 253;

/**
 * Checks a Configuration Manager site code: three letters or digits.
 *
 * @param value - the code as typed or stored; surrounding spaces are ignored
 * @returns the reason it is refused, or undefined when it is a site code or empty
 * @example checkSiteCode('P01') // undefined
 * @example checkSiteCode('P0') // { key: 'restore:fields.siteCode', … }: '"P0" is not a site code: use three letters or digits, e.g. P01'
 */
export function checkSiteCode(value: string): Message | undefined {
  const code = value.trim();
  if (code === '') return undefined;
  return SITE_CODE.test(code) ? undefined : message('restore:fields.siteCode', { value: quoted(value) });
}

/**
 * Checks a DNS name: dot-separated labels of letters, digits and hyphens, at most 253 characters,
 * an optional trailing dot.
 *
 * @param value - the name as typed or stored; surrounding spaces are ignored
 * @returns the reason it is refused, or undefined when it is a DNS name or empty
 * @example checkFqdn('mp01.corp.example') // undefined
 * @example checkFqdn('mp 01') // { key: 'restore:fields.fqdn', … }: '"mp 01" is not a host name such as mp01.corp.example'
 */
export function checkFqdn(value: string): Message | undefined {
  const name = value.trim().replace(/\.$/, '');
  if (name === '') return undefined;
  if (name.length > FQDN_LIMIT || !name.split('.').every((label) => DNS_LABEL.test(label))) {
    return message('restore:fields.fqdn', { value: quoted(value) });
  }
  return undefined;
}
