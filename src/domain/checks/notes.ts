import type { Host } from '../document';
import { formatRange } from '../settings';
import { type CheckContext, ROLE } from './context';
import type { Finding } from './finding';
import { byName } from './host-order';
import { type IdSet, type LinkNotes, linkNotesOf } from './link-notes';
import { joinWords } from './wording';

/**
 * Info findings that explain a choice the document leaves open (its notes 2–6) and say which one
 * is in force, so a reader of the matrix knows why a port is what it is.
 */

function nameList(ctx: CheckContext, hosts: readonly Host[]): string {
  const names = hosts.map((h) => ctx.name(h.id));
  if (names.length > 3) return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return joinWords(names);
}

/** Host ids in name order: the few sorted, the many picked from the hosts in name order. */
function inNameOrder(ctx: CheckContext, ids: IdSet): string[] {
  // Duplicate ids (a damaged file) keep the scan, which lists each host object.
  if (ids.size * 16 > ctx.hosts.length || ctx.hostById.size !== ctx.hosts.length)
    return ctx.hosts.filter((h) => ids.has(h.id)).map((h) => h.id);
  const hosts: Host[] = [];
  for (const id of ids.keys()) {
    const host = ctx.hostById.get(id);
    if (host) hosts.push(host);
  }
  return hosts.sort(byName).map((h) => h.id);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sectionsWithNote(ctx: CheckContext, note: number): string[] {
  return [...new Set(ctx.catalogue.rules.filter((r) => r.notes.includes(note)).map((r) => r.section))];
}

/** Note 3: which WSUS ports the software update points and upstream servers use. */
function wsusPorts(ctx: CheckContext): Finding[] {
  const { ports } = ctx.document.settings;
  const groups = new Map<string, { http: number; https: number; hosts: Host[] }>();
  const wsus = [...new Set([...ctx.hostsWith(ROLE.updatePoint), ...ctx.hostsWith(ROLE.wsusUpstream)])];
  for (const host of wsus.sort(byName)) {
    const http = host.options.wsusHttp ?? ports.wsusHttp ?? 8530;
    const https = host.options.wsusHttps ?? ports.wsusHttps ?? 8531;
    const key = `${http}-${https}`;
    const group = groups.get(key) ?? { http, https, hosts: [] };
    group.hosts.push(host);
    groups.set(key, group);
  }
  const single = groups.size === 1;
  return [...groups].map(([key, { http, https, hosts }]) => {
    const sups = hosts.some((h) => h.roles.includes(ROLE.updatePoint));
    const upstreams = hosts.some((h) => h.roles.includes(ROLE.wsusUpstream));
    const subject = !single
      ? `WSUS on ${nameList(ctx, hosts)} uses`
      : sups && upstreams
        ? 'Software update points and upstream WSUS servers use'
        : sups
          ? 'Software update points use'
          : 'Upstream WSUS servers use';
    const kind =
      http === 80
        ? 'the standard ports'
        : http === 8530 && https === 8531
          ? 'the default since Windows Server 2012'
          : 'custom ports';
    const advice =
      http === 80
        ? 'set 8530/8531 on the host or in the site settings if WSUS runs on its Windows Server 2012 default'
        : 'set 80/443 on the host or in the site settings if WSUS was installed on the standard ports';
    return {
      id: `wsus-ports:${key}`,
      check: 'wsus-ports',
      severity: 'info',
      message: `${subject} WSUS ports ${http}/${https} (note 3), ${kind}; with HTTPS the HTTP port stays open too. ${advice[0]?.toUpperCase()}${advice.slice(1)}`,
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
  const links = [...dynamic.links];
  return [
    {
      id: 'rpc-dynamic-range',
      check: 'rpc-dynamic-range',
      severity: 'info',
      message: `RPC dynamic range ${range ? formatRange(range) : 'of the servers'} is open on ${plural(dynamic.count, 'flow')} (note 6): narrow it on the servers with rpccfg.exe and set the same range in the site settings`,
      hosts,
      links,
      sections: [...dynamic.sections.keys()].sort(),
    },
  ];
}

/** Note 5: on which site system links both sides open connections, and where only the site server does. */
function siteSystemDirection(ctx: CheckContext, direction: LinkNotes['direction']): Finding[] {
  const { both, serverOnly } = direction;
  if (both === 0 && serverOnly === 0) return [];
  const option = '"connections to this site system must be initiated by the site server"';
  const message =
    both === 0
      ? `Only the site server opens connections to its site systems on ${plural(serverOnly, 'link')} (note 5, option ${option})`
      : `Site server and site systems both open connections on ${plural(both, 'link')} (note 5, the default)${
          serverOnly > 0
            ? `; on ${plural(serverOnly, 'link')} only the site server does (option ${option})`
            : `; set the option ${option} on a site system to allow only the site server's direction`
        }`;
  return [
    {
      id: 'site-system-direction',
      check: 'site-system-direction',
      severity: 'info',
      message,
      hosts: inNameOrder(ctx, direction.hosts),
      links: [...direction.links],
      sections: sectionsWithNote(ctx, 5),
    },
  ];
}

/** Note 2: ports and ranges set away from the document's defaults (WSUS and RPC have their own info). */
function customPorts(ctx: CheckContext): Finding[] {
  const { ports, ranges } = ctx.document.settings;
  const changes: string[] = [];
  for (const def of ctx.catalogue.portSettings) {
    if (def.key === 'wsusHttp' || def.key === 'wsusHttps') continue;
    const value = ports[def.key];
    if (value !== undefined && value !== def.default)
      changes.push(`${def.label} ${value} (default ${def.default})`);
  }
  for (const def of ctx.catalogue.rangeSettings) {
    if (def.key === 'rpcDynamic') continue;
    const value = ranges[def.key];
    if (value && (value.from !== def.default.from || value.to !== def.default.to)) {
      changes.push(`${def.label} ${formatRange(value)} (default ${formatRange(def.default)})`);
    }
  }
  if (changes.length === 0) return [];
  return [
    {
      id: 'custom-ports',
      check: 'custom-ports',
      severity: 'info',
      message: `Custom ports in force (note 2): ${changes.join('; ')}; the servers must be configured the same way`,
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
  const ports = rules.map((r) =>
    r.port === 'dynamic' ? 'the RPC dynamic range' : `${r.protocol} ${r.port}`,
  );
  const list = joinWords(ports);
  const on = ctx.document.settings.flags.includeSiteInstallation === true;
  return [
    {
      id: 'site-installation-ports',
      check: 'site-installation-ports',
      severity: 'info',
      message: on
        ? `The ports to install a site with a remote SQL Server (${list}) are included on ${plural(links.length, 'link')}; switch them off in the site settings once the site is installed`
        : `The ports to install a site with a remote SQL Server (${list}) are not included; switch them on in the site settings while the site is installed`,
      hosts: inNameOrder(ctx, hostIds),
      links,
      sections: [...new Set(rules.map((r) => r.section))],
    },
  ];
}

/** Note 4: TFTP listens on UDP 69 but answers from a dynamically chosen high port. */
function tftpReply(ctx: CheckContext): Finding[] {
  const dps = ctx
    .hostsWith(ROLE.distributionPoint)
    .filter((h) => h.options.pxe === true && ctx.hasNeighbour(h, (n) => n.roles.includes(ROLE.client)));
  if (dps.length === 0) return [];
  return [
    {
      id: 'pxe-tftp-reply',
      check: 'pxe-tftp-reply',
      severity: 'info',
      message: `PXE-enabled distribution point${dps.length === 1 ? '' : 's'} ${nameList(ctx, dps)} answer${dps.length === 1 ? 's' : ''} TFTP requests on UDP 69 from a dynamically chosen high port (note 4); the firewall must let those replies back to the clients`,
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
