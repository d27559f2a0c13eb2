import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { makeHost } from '../../builders';
import { german } from '../../support/words';
import { extend, findingById, findingsOf, healthyPrimary, remoteSqlSite, text } from './support';

function withSettings(doc: TopologyDocument, patch: Partial<TopologyDocument['settings']>): TopologyDocument {
  return { ...doc, settings: { ...doc.settings, ...patch } };
}

describe('WSUS ports (note 3)', () => {
  const withSup = (options = {}) =>
    extend(
      healthyPrimary(),
      [makeHost('sup', ['software-update-point'], { site: 'P01', options })],
      [
        ['ss', 'sup'],
        ['cl', 'sup'],
      ],
    );

  it('says software update points use 8530/8531 by default', () => {
    const finding = findingById(withSup(), 'wsus-ports:8530-8531');
    expect(finding.severity).toBe('info');
    expect(text(finding)).toMatch(/^Software update points use WSUS ports 8530\/8531 \(note 3\)/);
    expect(finding.hosts).toEqual(['sup']);
  });

  it('follows the site settings and per-host ports, one info per port pair', () => {
    const site80 = withSettings(withSup(), {
      ports: { ...withSup().settings.ports, wsusHttp: 80, wsusHttps: 443 },
    });
    expect(text(findingById(site80, 'wsus-ports:80-443'))).toContain('80/443 (note 3), the standard ports');
    const mixed = extend(withSup(), [
      makeHost('sup2', ['software-update-point'], {
        name: 'SUP2',
        site: 'P01',
        options: { wsusHttp: 80, wsusHttps: 443 },
      }),
    ]);
    const found = findingsOf(mixed, 'wsus-ports');
    expect(found.map((f) => f.id).sort()).toEqual(['wsus-ports:80-443', 'wsus-ports:8530-8531']);
    expect(text(found.find((f) => f.id === 'wsus-ports:80-443'))).toMatch(/^WSUS on SUP2 uses/);
  });

  it('is quiet without WSUS', () => {
    expect(findingsOf(healthyPrimary(), 'wsus-ports')).toEqual([]);
  });
});

describe('RPC dynamic range (note 6)', () => {
  it('counts the flows that open the configured range', () => {
    const doc = healthyPrimary();
    const dynamic = deriveFlows(doc, catalogue).flows.filter((f) => f.dynamic).length;
    expect(dynamic).toBeGreaterThan(0);
    const finding = findingById(doc, 'rpc-dynamic-range');
    expect(text(finding)).toBe(
      `RPC dynamic range 49152-65535 is open on ${dynamic} flows (note 6): narrow it on the servers with rpccfg.exe and set the same range in the site settings`,
    );
    const narrowed = withSettings(doc, {
      ranges: { ...doc.settings.ranges, rpcDynamic: { from: 50000, to: 50100 } },
    });
    expect(text(findingById(narrowed, 'rpc-dynamic-range'))).toContain('range 50000-50100 is open');
  });

  it('is quiet when no flow uses dynamic RPC', () => {
    const doc = remoteSqlSite();
    const noRpc = {
      ...doc,
      hosts: doc.hosts.map((h) => ({ ...h, roles: h.roles.filter((r) => r !== 'sms-provider') })),
    };
    expect(deriveFlows(noRpc, catalogue).flows.some((f) => f.dynamic)).toBe(false);
    expect(findingsOf(noRpc, 'rpc-dynamic-range')).toEqual([]);
  });
});

describe('site server ↔ site system direction (note 5)', () => {
  it('reports the default, both directions', () => {
    const finding = findingById(healthyPrimary(), 'site-system-direction');
    expect(text(finding)).toMatch(/both open connections on 1 link \(note 5, the default\)/);
    expect(finding.links).toEqual(['ss-mp']);
  });

  it('reports links where only the site server opens connections', () => {
    const doc = healthyPrimary();
    const oneWay = {
      ...doc,
      hosts: doc.hosts.map((h) => (h.id === 'mp' ? { ...h, options: { siteServerInitiates: true } } : h)),
    };
    expect(text(findingById(oneWay, 'site-system-direction'))).toMatch(
      /^Only the site server opens connections to its site systems on 1 link/,
    );
  });

  it('is quiet without site system links', () => {
    expect(findingsOf(remoteSqlSite(), 'site-system-direction')).toEqual([]);
  });
});

describe('custom ports (note 2)', () => {
  it('lists ports set away from their defaults', () => {
    const doc = healthyPrimary();
    const custom = withSettings(doc, { ports: { ...doc.settings.ports, sqlServer: 1444 } });
    expect(text(findingById(custom, 'custom-ports'))).toContain('SQL Server port 1444 (default 1433)');
  });

  it("names the settings in the reader's language", () => {
    const doc = healthyPrimary();
    const custom = withSettings(doc, {
      ports: { ...doc.settings.ports, sqlServer: 1444 },
      ranges: { ...doc.settings.ranges, multicast: { from: 64000, to: 64100 } },
    });
    const { message } = findingById(custom, 'custom-ports');
    expect(german(message)).toContain(
      ': SQL Server-Port 1444 (Standard: 1433); UDP-Portbereich für Multicast 64000-64100 (Standard: ',
    );
    expect(text(findingById(custom, 'custom-ports'))).toContain(
      ': SQL Server port 1444 (default 1433); Multicast UDP port range 64000-64100 (default ',
    );
  });

  it('is quiet with the defaults', () => {
    expect(findingsOf(healthyPrimary(), 'custom-ports')).toEqual([]);
  });
});

describe('installation ports of a remote SQL Server', () => {
  it('says whether they are included', () => {
    const doc = remoteSqlSite();
    expect(text(findingById(doc, 'site-installation-ports'))).toContain('are not included');
    const on = withSettings(doc, { flags: { ...doc.settings.flags, includeSiteInstallation: true } });
    const finding = findingById(on, 'site-installation-ports');
    expect(text(finding)).toContain(
      'TCP 445, UDP 135, TCP 135, and the RPC dynamic range) are included on 1 link',
    );
    expect(finding.links).toEqual(['ss-sql']);
  });

  it('is quiet when SQL Server runs on the site server', () => {
    expect(findingsOf(healthyPrimary(), 'site-installation-ports')).toEqual([]);
  });
});

describe('TFTP replies of PXE-enabled distribution points (note 4)', () => {
  it('explains the dynamic reply port', () => {
    const doc = healthyPrimary();
    const pxe = {
      ...doc,
      hosts: doc.hosts.map((h) => (h.id === 'dp' ? { ...h, options: { pxe: true } } : h)),
    };
    const finding = findingById(pxe, 'pxe-tftp-reply');
    expect(text(finding)).toContain('UDP 69');
    expect(finding.hosts).toEqual(['dp']);
  });

  it('is quiet without PXE', () => {
    expect(findingsOf(healthyPrimary(), 'pxe-tftp-reply')).toEqual([]);
  });
});
