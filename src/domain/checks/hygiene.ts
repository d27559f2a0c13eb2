import type { Host } from '../document';
import { listParam, message } from '../message';
import { addressProblem } from './address-key';
import type { CheckContext } from './context';
import { emptyLinks } from './empty-links';
import type { Finding } from './finding';
import { quoted } from './wording';

/** Host names that differ only by case or whitespace: the flow matrix could not tell them apart. */
function duplicateNames(ctx: CheckContext): Finding[] {
  const { names } = ctx.index;
  return [...names.shared]
    .map((key) => names.get(key))
    .map((hosts) => {
      const ids = hosts.map((h) => h.id).sort();
      return {
        id: `duplicate-host-name:${ids.join('+')}`,
        check: 'duplicate-host-name',
        severity: 'warning',
        message: message('checks:duplicateHostName', { names: listParam(hosts.map((h) => quoted(h.name))) }),
        hosts: hosts.map((h) => h.id),
        links: [],
      };
    });
}

/** An address that is not IPv4/IPv6 (with an optional prefix). */
function invalidAddress(ctx: CheckContext, host: Host, findings: Finding[]): void {
  if (host.ip === undefined || host.ip.trim() === '') return;
  const problem = addressProblem(host.ip);
  if (problem) {
    findings.push({
      id: `invalid-ip:${host.id}`,
      check: 'invalid-ip',
      severity: 'error',
      // checkIp says why (src/domain/ip.ts), as the inspector and restore do.
      message: message('checks:invalidIp', { host: ctx.name(host.id), problem: { message: problem } }),
      hosts: [host.id],
      links: [],
    });
  }
}

/** Valid addresses two hosts share. */
function sharedAddresses(ctx: CheckContext): Finding[] {
  const { ips } = ctx.index;
  return [...ips.shared].map((ip): Finding => {
    const hosts = ips.get(ip);
    return {
      id: `duplicate-ip:${ip}`,
      check: 'duplicate-ip',
      severity: 'warning',
      message: message('checks:duplicateIp', { hosts: listParam(hosts.map((h) => ctx.name(h.id))), ip }),
      hosts: hosts.map((h) => h.id),
      links: [],
    };
  });
}

/** Roles this catalogue does not know (kept from a newer one), and hosts with no role at all. */
function roles(ctx: CheckContext, host: Host, findings: Finding[]): void {
  const known = ctx.catalogue.roleById;
  // Indexed, and no list made for a host whose roles are all known: run for every host.
  let all = true;
  for (let i = 0; i < host.roles.length && all; i += 1) all = known.has(host.roles[i]!);
  if (!all) {
    const unknown = host.roles.filter((r) => !known.has(r));
    findings.push({
      id: `unknown-role:${host.id}`,
      check: 'unknown-role',
      severity: 'warning',
      // Role ids are technical names, quoted as JSON in every language.
      message: message('checks:unknownRole', {
        host: ctx.name(host.id),
        roles: unknown.map((r) => JSON.stringify(r)).join(', '),
        count: unknown.length,
      }),
      hosts: [host.id],
      links: [],
    });
  }
  if (host.roles.length === 0) {
    findings.push({
      id: `host-without-roles:${host.id}`,
      check: 'host-without-roles',
      severity: 'warning',
      message: message('checks:hostWithoutRoles', { host: ctx.name(host.id) }),
      hosts: [host.id],
      links: [],
    });
  }
}

/**
 * Document hygiene of one host: an invalid address, unknown roles, no roles.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @param host - The host checked.
 * @param findings - Where its findings go (unsorted; `runChecks` sorts them).
 * @example
 * hygieneChecks(ctx, host, findings); // e.g. an address 10.0.0.300
 */
export function hygieneChecks(ctx: CheckContext, host: Host, findings: Finding[]): void {
  invalidAddress(ctx, host, findings);
  roles(ctx, host, findings);
}

/**
 * Document hygiene of the estate: empty links, host names and addresses two hosts share. Names and
 * addresses come from the index's groups, so an edit does not scan every host.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @returns The findings, unsorted (`runChecks` sorts them).
 * @example
 * hygieneEstateChecks(ctx); // e.g. a link whose hosts share no rule, two hosts named alike
 */
export function hygieneEstateChecks(ctx: CheckContext): Finding[] {
  return [...emptyLinks(ctx), ...duplicateNames(ctx), ...sharedAddresses(ctx)];
}
