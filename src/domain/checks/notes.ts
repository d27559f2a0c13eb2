import type { RoleId } from '../catalogue-types';
import type { Host } from '../document';
import { listParam, type MessageParam, message, settingParam } from '../message';
import { formatRange } from '../settings';
import { type CheckContext, ROLE } from './context';
import type { Finding } from './finding';
import { idsInNameOrder, mergeByName } from './host-order';
import { type IdSet, type LinkNotes, linkNotesOf } from './link-notes';
import { hostList, linkCount, semicolons } from './wording';

/**
 * Info findings that explain a choice the document leaves open (its notes 2–6) and say which one
 * is in force, so a reader of the matrix knows why a port is what it is.
 */

/** Host names as running text: only the first three are named, so only they are looked up. */
function nameList(ctx: CheckContext, hosts: readonly Host[]): MessageParam {
  return hostList(
    hosts.slice(0, 3).map((h) => ctx.name(h.id)),
    hosts.length,
  );
}

/** Host ids in name order: as the incremental checker keeps them listed, else listed now. */
function inNameOrder(ctx: CheckContext, ids: IdSet): readonly string[] {
  return ctx.linkNotes?.hostsInOrder?.(ids) ?? idsInNameOrder(ids, ctx.hosts, ctx.hostById);
}

function sectionsWithNote(ctx: CheckContext, note: number): string[] {
  return [...new Set(ctx.catalogue.rules.filter((r) => r.notes.includes(note)).map((r) => r.section))];
}

/** Note 3: which WSUS ports the software update points and upstream servers use. */
function wsusPorts(ctx: CheckContext): Finding[] {
  const { ports } = ctx.document.settings;
  const groups = new Map<string, { http: number; https: number; hosts: Host[] }>();
  // Both lists are in name order: merged, not sorted again (a host holding both roles is a SUP).
  const upstreams = ctx.hostsWith(ROLE.wsusUpstream).filter((h) => !h.roles.includes(ROLE.updatePoint));
  for (const host of mergeByName(ctx.hostsWith(ROLE.updatePoint), upstreams)) {
    const http = host.options.wsusHttp ?? ports.wsusHttp ?? 8530;
    const https = host.options.wsusHttps ?? ports.wsusHttps ?? 8531;
    const key = `${http}-${https}`;
    const group = groups.get(key) ?? { http, https, hosts: [] };
    group.hosts.push(host);
    groups.set(key, group);
  }
  const single = groups.size === 1;
  return [...groups].map(([group, { http, https, hosts }]) => {
    const sups = hosts.some((h) => h.roles.includes(ROLE.updatePoint));
    const upstreams = hosts.some((h) => h.roles.includes(ROLE.wsusUpstream));
    const key = !single
      ? 'checks:wsusPorts.hosts'
      : sups && upstreams
        ? 'checks:wsusPorts.both'
        : sups
          ? 'checks:wsusPorts.updatePoints'
          : 'checks:wsusPorts.upstreams';
    const kind =
      http === 80
        ? 'checks:wsusPorts.kindStandard'
        : http === 8530 && https === 8531
          ? 'checks:wsusPorts.kindDefault'
          : 'checks:wsusPorts.kindCustom';
    const advice = http === 80 ? 'checks:wsusPorts.adviceDefault' : 'checks:wsusPorts.adviceStandard';
    return {
      id: `wsus-ports:${group}`,
      check: 'wsus-ports',
      severity: 'info',
      // Ports are strings: a port number is never written with a thousands separator.
      message: message(key, {
        ...(single ? {} : { hosts: nameList(ctx, hosts) }),
        http: String(http),
        https: String(https),
        kind: { message: message(kind) },
        advice: { message: message(advice) },
      }),
      hosts: hosts.map((h) => h.id),
      links: [],
      sections: sectionsWithNote(ctx, 3),
    };
  });
}

/** Note 6: how many flows open the RPC dynamic range, and which range. */
function rpcDynamic(ctx: CheckContext, dynamic: LinkNotes['dynamic']): Finding[] {
  if (dynamic.count === 0) return [];
  const def = ctx.catalogue.rangeSettings.find((r) => r.key === 'rpcDynamic');
  const range = ctx.document.settings.ranges.rpcDynamic ?? def?.default;
  const hosts = inNameOrder(ctx, dynamic.hosts);
  return [
    {
      id: 'rpc-dynamic-range',
      check: 'rpc-dynamic-range',
      severity: 'info',
      message: range
        ? message('checks:rpcDynamicRange', { range: formatRange(range), count: dynamic.count })
        : message('checks:rpcDynamicServers', { count: dynamic.count }),
      hosts,
      // The notes' lists are never changed once handed out: shared, not copied.
      links: dynamic.links,
      sections: [...dynamic.sections.keys()].sort(),
    },
  ];
}

/** Note 5: on which site system links both sides open connections, and where only the site server does. */
function siteSystemDirection(ctx: CheckContext, direction: LinkNotes['direction']): Finding[] {
  const { both, serverOnly } = direction;
  if (both === 0 && serverOnly === 0) return [];
  const text =
    both === 0
      ? message('checks:siteSystemDirection.serverOnly', { links: linkCount(serverOnly) })
      : serverOnly > 0
        ? message('checks:siteSystemDirection.mixed', {
            links: linkCount(both),
            serverOnlyLinks: linkCount(serverOnly),
          })
        : message('checks:siteSystemDirection.both', { links: linkCount(both) });
  return [
    {
      id: 'site-system-direction',
      check: 'site-system-direction',
      severity: 'info',
      message: text,
      hosts: inNameOrder(ctx, direction.hosts),
      links: direction.links,
      sections: sectionsWithNote(ctx, 5),
    },
  ];
}

/** Note 2: ports and ranges set away from the document's defaults (WSUS and RPC have their own info). */
function customPorts(ctx: CheckContext): Finding[] {
  const { ports, ranges } = ctx.document.settings;
  const changes: MessageParam[] = [];
  // Setting labels are the catalogue's words (said in the reader's language); values are strings,
  // never written with separators.
  const change = (setting: string, value: string, standard: string): MessageParam => ({
    message: message('checks:customPort', { setting: settingParam(setting), value, default: standard }),
  });
  for (const def of ctx.catalogue.portSettings) {
    if (def.key === 'wsusHttp' || def.key === 'wsusHttps') continue;
    const value = ports[def.key];
    if (value !== undefined && value !== def.default)
      changes.push(change(def.key, String(value), String(def.default)));
  }
  for (const def of ctx.catalogue.rangeSettings) {
    if (def.key === 'rpcDynamic') continue;
    const value = ranges[def.key];
    if (value && (value.from !== def.default.from || value.to !== def.default.to)) {
      changes.push(change(def.key, formatRange(value), formatRange(def.default)));
    }
  }
  if (changes.length === 0) return [];
  return [
    {
      id: 'custom-ports',
      check: 'custom-ports',
      severity: 'info',
      message: message('checks:customPorts', { changes: semicolons(changes) }),
      hosts: [],
      links: [],
      sections: sectionsWithNote(ctx, 2),
    },
  ];
}

/** The second table of `Standortserver -- > SQL Server`: ports only needed while installing a site. */
function siteInstallation(ctx: CheckContext, { hosts: hostIds, links }: LinkNotes['install']): Finding[] {
  if (links.length === 0) return [];
  const rules = ctx.catalogue.rules.filter((r) => r.condition === 'site-install-remote-sql');
  const ports = rules.map(
    (r): MessageParam =>
      r.port === 'dynamic'
        ? { message: message('checks:siteInstallationPorts.rpcRange') }
        : `${r.protocol} ${r.port}`,
  );
  const list = listParam(ports);
  const on = ctx.document.settings.flags.includeSiteInstallation === true;
  return [
    {
      id: 'site-installation-ports',
      check: 'site-installation-ports',
      severity: 'info',
      message: on
        ? message('checks:siteInstallationPorts.on', { ports: list, links: linkCount(links.length) })
        : message('checks:siteInstallationPorts.off', { ports: list }),
      hosts: inNameOrder(ctx, hostIds),
      links,
      sections: [...new Set(rules.map((r) => r.section))],
    },
  ];
}

/**
 * True when the host is a PXE-enabled distribution point linked to a client group: note 4 names it.
 *
 * @param ctx - The run's context.
 * @param host - A host.
 * @returns Whether TFTP replies from the host concern the firewall.
 * @example
 * servesPxe(ctx, pxeDp); // true once a client group is linked to it
 */
export function servesPxe(ctx: CheckContext, host: Host): boolean {
  return (
    host.options.pxe === true &&
    host.roles.includes(ROLE.distributionPoint) &&
    ctx.hasNeighbourHolding(host, CLIENT)
  );
}

const CLIENT: readonly RoleId[] = [ROLE.client];

/** Note 4: TFTP listens on UDP 69 but answers from a dynamically chosen high port. */
function tftpReply(ctx: CheckContext): Finding[] {
  const dps = ctx.pxeServed?.() ?? ctx.hostsWith(ROLE.distributionPoint).filter((h) => servesPxe(ctx, h));
  if (dps.length === 0) return [];
  return [
    {
      id: 'pxe-tftp-reply',
      check: 'pxe-tftp-reply',
      severity: 'info',
      message: message('checks:pxeTftpReply', { hosts: nameList(ctx, dps), count: dps.length }),
      hosts: dps.map((h) => h.id),
      links: [],
      sections: sectionsWithNote(ctx, 4),
    },
  ];
}

/**
 * Info findings on the choices in force for notes 2–6.
 *
 * @param ctx - The run's context (document, catalogue, derivation and lookups).
 * @returns The family's findings, unsorted (`runChecks` sorts and de-duplicates them).
 * @example
 * noteChecks(ctx).every((f) => f.severity === 'info'); // true
 */
export function noteChecks(ctx: CheckContext): Finding[] {
  const notes = ctx.linkNotes ?? linkNotesOf(ctx);
  return [
    ...wsusPorts(ctx),
    ...rpcDynamic(ctx, notes.dynamic),
    ...siteSystemDirection(ctx, notes.direction),
    ...customPorts(ctx),
    ...siteInstallation(ctx, notes.install),
    ...tftpReply(ctx),
  ];
}
