import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows, hostsShareRules } from '@/domain/derive';
import type { Host, HostOptions, Link, Settings } from '@/domain/document';
import { formatPort } from '@/domain/flow';
import { defaultSettings, withPort, withPorts, withRange } from '@/domain/settings';
import { makeHost, makeLink } from '../builders';
import { seedAvailable, seedSections } from '../support/seed';

function derive(hosts: Host[], links: Link[], settings: Settings = defaultSettings(catalogue)) {
  return deriveFlows({ hosts, links, settings }, catalogue);
}

/** `A>B/TCP/443` for each flow, sorted. */
function keys(hosts: Host[], links: Link[], settings?: Settings): string[] {
  return derive(hosts, links, settings)
    .flows.map((f) => `${f.initiator}>${f.responder}/${f.protocol}/${formatPort(f.port)}`)
    .sort();
}

const defaults = defaultSettings(catalogue);
const rpc = `${defaults.ranges.rpcDynamic!.from}-${defaults.ranges.rpcDynamic!.to}`;

describe.skipIf(!seedAvailable)('deriveFlows, section by section from the seed', () => {
  const sections = seedAvailable ? seedSections() : [];
  it.each(sections.map((s) => [s.anchor, s] as const))('%s', (anchor, s) => {
    const section = catalogue.sectionByAnchor.get(anchor)!;
    const options: HostOptions = anchor.endsWith('DP3')
      ? { pxe: true }
      : anchor.endsWith('DP2')
        ? { multicast: true }
        : {};
    const a = makeHost('A', [section.from], {
      options: section.from === 'distribution-point' ? options : {},
    });
    const b = makeHost('B', [section.to], { options });
    const settings = { ...defaults, flags: { ...defaults.flags, includeSiteInstallation: true } };
    // Expected straight from the seed: WSUS cells `80 oder 8530` resolve to the default pair
    // 8530/8531, DYNAMISCH to the default RPC range, `< -- >` and same-role sections both ways.
    // A PXE- or multicast-enabled DP is still a DP: its sections come on top of Client -> DP.
    const base =
      anchor.endsWith('DP2') || anchor.endsWith('DP3')
        ? sections.find((x) => x.anchor === 'BKMK_PortsClient-DP')!.rows
        : [];
    const expected = new Set<string>();
    for (const row of [...s.rows, ...base]) {
      if (typeof row.port === 'number' && row.notes.includes(3) && (row.port === 80 || row.port === 443))
        continue;
      const port = row.port === 'dynamic' ? rpc : String(row.port);
      expected.add(`A>B/${row.protocol}/${port}`);
      if (s.bidirectional || section.from === section.to) expected.add(`B>A/${row.protocol}/${port}`);
    }
    expect(keys([a, b], [makeLink('A', 'B')], settings)).toEqual([...expected].sort());
  });
});

describe('deriveFlows', () => {
  it('gives a client and a management point TCP 80, 443 and 10123 from the client', () => {
    expect(
      keys([makeHost('c', ['client']), makeHost('mp', ['management-point'])], [makeLink('c', 'mp')]),
    ).toEqual(['c>mp/TCP/10123', 'c>mp/TCP/443', 'c>mp/TCP/80']);
  });

  it('is symmetric in the link direction', () => {
    const hosts = [makeHost('c', ['client']), makeHost('mp', ['management-point'])];
    expect(keys(hosts, [makeLink('mp', 'c')])).toEqual(keys(hosts, [makeLink('c', 'mp')]));
  });

  it('yields no flow for roles on the same host', () => {
    const { flows } = derive(
      [makeHost('s', ['site-server', 'sql-server', 'sms-provider', 'management-point'])],
      [],
    );
    expect(flows).toEqual([]);
  });

  it('combines every role pair across a link between multi-role hosts', () => {
    const site = makeHost('site', ['site-server', 'sql-server', 'sms-provider']);
    const mp = makeHost('mp', ['management-point']);
    expect(keys([site, mp], [makeLink('site', 'mp')])).toEqual(
      [
        'mp>site/TCP/1433', // MP -> SQL Server
        'mp>site/TCP/135', // MP <-> site server
        `mp>site/TCP/${rpc}`,
        'mp>site/TCP/445',
        'site>mp/TCP/135',
        `site>mp/TCP/${rpc}`,
        'site>mp/TCP/445',
      ].sort(),
    );
  });

  it('merges identical flows and keeps every section they come from', () => {
    const site = makeHost('site', ['site-server']);
    const dpProvider = makeHost('x', ['distribution-point', 'sms-provider']);
    const { flows } = derive([site, dpProvider], [makeLink('site', 'x')]);
    const smb = flows.filter((f) => f.protocol === 'TCP' && formatPort(f.port) === '445');
    expect(smb).toHaveLength(1);
    expect(smb[0]?.sections).toEqual(['BKMK_PortsSite-DP', 'BKMK_PortsSite-Provider']);
    expect(smb[0]?.responderRoles).toEqual(['distribution-point', 'sms-provider']);
  });

  it('replaces configurable defaults with configured ports', () => {
    const settings = withPort(defaults, 'clientHttp', 8080);
    expect(settings.ok).toBe(true);
    if (!settings.ok) return;
    expect(
      keys(
        [makeHost('c', ['client']), makeHost('mp', ['management-point'])],
        [makeLink('c', 'mp')],
        settings.value,
      ),
    ).toEqual(['c>mp/TCP/10123', 'c>mp/TCP/443', 'c>mp/TCP/8080']);
  });

  it('marks configurable flows and the setting behind them', () => {
    const { flows } = derive(
      [makeHost('c', ['client']), makeHost('mp', ['management-point'])],
      [makeLink('c', 'mp')],
    );
    expect(flows.every((f) => f.configurable)).toBe(true);
    expect(flows.flatMap((f) => f.settings).sort()).toEqual([
      'clientHttp',
      'clientHttps',
      'clientNotification',
    ]);
  });

  it('opens PXE ports only to a PXE-enabled DP and multicast only to a multicast DP', () => {
    const c = makeHost('c', ['client']);
    const plain = keys([c, makeHost('dp', ['distribution-point'])], [makeLink('c', 'dp')]);
    expect(plain).toEqual(['c>dp/TCP/443', 'c>dp/TCP/80']);
    const pxe = keys(
      [c, makeHost('dp', ['distribution-point'], { options: { pxe: true } })],
      [makeLink('c', 'dp')],
    );
    expect(pxe).toEqual(
      expect.arrayContaining(['c>dp/UDP/67', 'c>dp/UDP/68', 'c>dp/UDP/69', 'c>dp/UDP/4011']),
    );
    expect(pxe).not.toContain('c>dp/UDP/63000-64000');
    const multicast = keys(
      [c, makeHost('dp', ['distribution-point'], { options: { multicast: true } })],
      [makeLink('c', 'dp')],
    );
    expect(multicast).toEqual(['c>dp/TCP/443', 'c>dp/TCP/445', 'c>dp/TCP/80', 'c>dp/UDP/63000-64000']);
  });

  it('follows the WSUS port pair (note 3): site default, then the SUP host override', () => {
    const c = makeHost('c', ['client']);
    expect(keys([c, makeHost('sup', ['software-update-point'])], [makeLink('c', 'sup')])).toEqual([
      'c>sup/TCP/8530',
      'c>sup/TCP/8531',
    ]);
    const standard = withPorts(defaults, { wsusHttp: 80, wsusHttps: 443 });
    if (!standard.ok) throw new Error(JSON.stringify(standard.error));
    expect(
      keys([c, makeHost('sup', ['software-update-point'])], [makeLink('c', 'sup')], standard.value),
    ).toEqual(['c>sup/TCP/443', 'c>sup/TCP/80']);
    const custom = makeHost('sup', ['software-update-point'], {
      options: { wsusHttp: 8080, wsusHttps: 8443 },
    });
    expect(keys([c, custom], [makeLink('c', 'sup')], standard.value)).toEqual([
      'c>sup/TCP/8080',
      'c>sup/TCP/8443',
    ]);
    const standardOnHost = makeHost('sup', ['software-update-point'], {
      options: { wsusHttp: 80, wsusHttps: 443 },
    });
    expect(keys([c, standardOnHost], [makeLink('c', 'sup')])).toEqual(['c>sup/TCP/443', 'c>sup/TCP/80']);
  });

  it('restricts site server <-> site system rules to the site server under note 5', () => {
    const site = makeHost('site', ['site-server']);
    const both = keys([site, makeHost('mp', ['management-point'])], [makeLink('site', 'mp')]);
    expect(both.filter((k) => k.startsWith('mp>'))).toHaveLength(3);
    const only = keys(
      [site, makeHost('mp', ['management-point'], { options: { siteServerInitiates: true } })],
      [makeLink('site', 'mp')],
    );
    expect(only).toEqual(['site>mp/TCP/135', `site>mp/TCP/${rpc}`, 'site>mp/TCP/445'].sort());
  });

  it('keeps note 5 away from site server <-> site server and external peers', () => {
    const a = makeHost('a', ['site-server'], { options: { siteServerInitiates: true } });
    const b = makeHost('b', ['site-server'], { options: { siteServerInitiates: true } });
    expect(keys([a, b], [makeLink('a', 'b')])).toEqual(['a>b/TCP/445', 'b>a/TCP/445']);
    const ca = makeHost('ca', ['issuing-ca'], { options: { siteServerInitiates: true } });
    expect(keys([a, ca], [makeLink('a', 'ca')]).filter((k) => k.startsWith('ca>'))).toHaveLength(3);
  });

  it('resolves dynamic ports to the configured RPC range and flags them high risk', () => {
    const legacy = withRange(defaults, 'rpcDynamic', '1024-5000');
    if (!legacy.ok) throw new Error(JSON.stringify(legacy.error));
    const { flows } = derive(
      [makeHost('con', ['console']), makeHost('prov', ['sms-provider'])],
      [makeLink('con', 'prov')],
      legacy.value,
    );
    const dynamic = flows.filter((f) => f.dynamic);
    expect(dynamic.map((f) => formatPort(f.port))).toEqual(['1024-5000']);
    expect(flows.filter((f) => !f.dynamic).map((f) => `${f.protocol}/${formatPort(f.port)}`)).toEqual([
      'TCP/135',
      'UDP/135',
    ]);
  });

  it('adds the installation ports of a remote SQL Server only when asked', () => {
    const hosts = [makeHost('site', ['site-server']), makeHost('sql', ['sql-server'])];
    expect(keys(hosts, [makeLink('site', 'sql')])).toEqual(['site>sql/TCP/1433']);
    const install = { ...defaults, flags: { ...defaults.flags, includeSiteInstallation: true } };
    expect(keys(hosts, [makeLink('site', 'sql')], install)).toHaveLength(5);
  });

  it('runs same-role rules from both hosts (SQL replication, wake-up proxy)', () => {
    expect(
      keys([makeHost('a', ['sql-server']), makeHost('b', ['sql-server'])], [makeLink('a', 'b')]),
    ).toEqual(['a>b/TCP/1433', 'a>b/TCP/4022', 'b>a/TCP/1433', 'b>a/TCP/4022']);
  });

  it('marks flows from a < -- > rule as initiated from both sides', () => {
    const { flows } = derive(
      [makeHost('site', ['site-server']), makeHost('mp', ['management-point'])],
      [makeLink('site', 'mp')],
    );
    expect(flows.every((f) => f.bothInitiate)).toBe(true);
    const oneWay = derive(
      [makeHost('c', ['client']), makeHost('mp', ['management-point'])],
      [makeLink('c', 'mp')],
    );
    expect(oneWay.flows.some((f) => f.bothInitiate)).toBe(false);
  });

  it('reports a link that carries no flow instead of keeping it silently', () => {
    const { flows, emptyLinks } = derive(
      [makeHost('c', ['client']), makeHost('sql', ['sql-server']), makeHost('mp', ['management-point'])],
      [makeLink('c', 'sql', 'l1'), makeLink('c', 'mp', 'l2')],
    );
    expect(emptyLinks).toEqual(['l1']);
    expect(flows.every((f) => f.linkId === 'l2')).toBe(true);
  });

  it('ignores unknown roles from a newer catalogue', () => {
    const { flows, emptyLinks } = derive(
      [makeHost('c', ['client', 'future-role']), makeHost('x', ['future-role'])],
      [makeLink('c', 'x', 'l1')],
    );
    expect(flows).toEqual([]);
    expect(emptyLinks).toEqual(['l1']);
  });

  it('includes a supplementary list only when the settings switch it on', () => {
    const hosts = [makeHost('mp', ['management-point']), makeHost('dc', ['domain-controller'])];
    const without = keys(hosts, [makeLink('mp', 'dc')]);
    expect(without).not.toContain('mp>dc/UDP/53');
    const withList = keys(hosts, [makeLink('mp', 'dc')], { ...defaults, supplementary: ['windows-server'] });
    expect(withList).toEqual(expect.arrayContaining(['mp>dc/UDP/53', 'mp>dc/TCP/53', 'mp>dc/TCP/139']));
    expect(withList.filter((k) => k.startsWith('dc>'))).toEqual([]);
  });

  it('sorts flows by initiator name, responder name, protocol and port', () => {
    const hosts = [makeHost('z', ['client']), makeHost('a', ['management-point'])];
    const { flows } = derive(hosts, [makeLink('z', 'a')]);
    expect(flows.map((f) => formatPort(f.port))).toEqual(['80', '443', '10123']);
  });

  it('tells whether two hosts share any rule, for refusing a pointless link', () => {
    expect(hostsShareRules(makeHost('c', ['client']), makeHost('mp', ['management-point']), catalogue)).toBe(
      true,
    );
    expect(hostsShareRules(makeHost('mp', ['management-point']), makeHost('c', ['client']), catalogue)).toBe(
      true,
    );
    expect(hostsShareRules(makeHost('c', ['client']), makeHost('s', ['sql-server']), catalogue)).toBe(false);
    expect(hostsShareRules(makeHost('c', ['client']), makeHost('d', ['domain-controller']), catalogue)).toBe(
      false,
    );
    expect(
      hostsShareRules(makeHost('c', ['client']), makeHost('d', ['domain-controller']), catalogue, [
        'windows-server',
      ]),
    ).toBe(true);
  });
});
