import { siteSystemRoles } from '@/domain/checks/new-hosts';
import { catalogue } from '@/domain/default-catalogue';
import { makeDocument, makeHost } from '../../builders';
import { applyAndRecheck, extend, findingById, findingsOf, healthyPrimary, text } from './support';

describe('site system roles that need their site server', () => {
  it('are the site-system roles sharing a rule with the site server, not the site server or SQL Server', () => {
    const roles = siteSystemRoles(catalogue);
    for (const role of roles) {
      expect(catalogue.roleById.get(role)?.kind).toBe('site-system');
      expect(
        catalogue.rules.some(
          (r) => (r.from === 'site-server' && r.to === role) || (r.to === 'site-server' && r.from === role),
        ),
      ).toBe(true);
    }
    expect(roles.has('site-server')).toBe(false);
    expect(roles.has('sql-server')).toBe(false);
    for (const role of ['management-point', 'distribution-point', 'software-update-point', 'sms-provider'])
      expect(roles.has(role)).toBe(true);
    // No rule joins the policy module (on the NDES server) to the site server.
    expect(roles.has('policy-module')).toBe(false);
  });
});

describe('a site system with no link to its site server', () => {
  const roles = [...siteSystemRoles(catalogue)];

  it.each(roles)('%s is an error, fixed by a link to the site server', (role) => {
    const doc = extend(healthyPrimary(), [makeHost('x', [role], { name: 'P01-X', site: 'P01' })]);
    const finding = findingById(doc, 'site-server-link-missing:x');
    expect(finding.severity).toBe('error');
    expect(text(finding)).toContain('note 5');
    expect(finding.ghost).toEqual({ source: 'ss', target: 'x' });
    applyAndRecheck(doc, 'site-server-link-missing:x');
  });

  it.each(roles)('%s linked to its site server is fine', (role) => {
    const doc = extend(healthyPrimary(), [makeHost('x', [role], { site: 'P01' })], [['ss', 'x']]);
    expect(findingsOf(doc, 'site-server-link-missing')).toEqual([]);
  });

  it("does not count a link to another site's site server", () => {
    const doc = extend(
      healthyPrimary(),
      [
        makeHost('x', ['management-point'], { site: 'P01' }),
        makeHost('p02', ['site-server', 'sql-server'], { site: 'P02' }),
      ],
      [
        ['x', 'p02'],
        ['x', 'ss'],
      ],
    );
    expect(findingsOf(doc, 'site-server-link-missing')).toEqual([]);
    const unlinked = extend(
      healthyPrimary(),
      [
        makeHost('x', ['management-point'], { site: 'P01' }),
        makeHost('p02', ['site-server', 'sql-server'], { site: 'P02' }),
      ],
      [['x', 'p02']],
    );
    expect(findingsOf(unlinked, 'site-server-link-missing').map((f) => f.id)).toEqual([
      'site-server-link-missing:x',
    ]);
  });

  it('still needs the link when the site server initiates all connections (note 5 option)', () => {
    const doc = extend(healthyPrimary(), [
      makeHost('x', ['fallback-status-point'], { site: 'P01', options: { siteServerInitiates: true } }),
    ]);
    expect(findingsOf(doc, 'site-server-link-missing')).toHaveLength(1);
  });

  it('treats hosts without a site code as members of the only site', () => {
    const doc = extend(healthyPrimary(), [makeHost('x', ['distribution-point'])]);
    expect(text(findingById(doc, 'site-server-link-missing:x'))).toContain('site P01');
  });
});

describe('a site with no site server', () => {
  it('is an error listing the hosts of the site, fixed by a new site server', () => {
    const doc = makeDocument(
      [
        makeHost('mp', ['management-point'], { site: 'P02' }),
        makeHost('sql', ['sql-server'], { site: 'P02' }),
        makeHost('cl', ['client'], { site: 'P02' }),
      ],
      [
        ['mp', 'sql'],
        ['cl', 'mp'],
      ],
    );
    const finding = findingById(doc, 'site-without-site-server:P02');
    expect(finding.severity).toBe('error');
    expect(finding.hosts).toEqual(['cl', 'mp', 'sql']);
    expect(finding.fix).toMatchObject({
      kind: 'add-host',
      role: 'site-server',
      site: 'P02',
      linkTo: ['mp', 'sql'],
    });
    const fixed = applyAndRecheck(doc, 'site-without-site-server:P02');
    expect(findingsOf(fixed, 'site-server-link-missing')).toEqual([]);
    expect(findingsOf(fixed, 'missing-site-database')).toEqual([]);
  });

  it('is reported once for a topology with site systems but no site server and no site codes', () => {
    const doc = makeDocument([makeHost('mp', ['management-point']), makeHost('dp', ['distribution-point'])]);
    const found = findingsOf(doc, 'site-without-site-server');
    expect(found.map((f) => f.id)).toEqual(['site-without-site-server:(none)']);
    applyAndRecheck(doc, 'site-without-site-server:(none)');
  });

  it('is quiet when the site has a site server, and for external peers', () => {
    const doc = extend(healthyPrimary(), [makeHost('dc', ['domain-controller'], { site: 'X99' })]);
    expect(findingsOf(doc, 'site-without-site-server')).toEqual([]);
  });
});

describe('site codes', () => {
  it('a site server without a site code is a warning', () => {
    const doc = makeDocument([makeHost('ss', ['site-server', 'sql-server'])]);
    expect(findingById(doc, 'site-code-missing:ss').severity).toBe('warning');
  });

  it('a site system without a site code is a warning once the topology has several sites', () => {
    const twoSites = extend(healthyPrimary(), [
      makeHost('p02', ['site-server', 'sql-server'], { site: 'P02' }),
      makeHost('x', ['management-point']),
    ]);
    expect(text(findingById(twoSites, 'site-code-missing:x'))).toContain('P01, P02');
    const oneSite = extend(healthyPrimary(), [makeHost('x', ['management-point'])], [['x', 'ss']]);
    expect(findingsOf(oneSite, 'site-code-missing')).toEqual([]);
  });
});

describe('two site servers with one site code', () => {
  it('is a warning', () => {
    const doc = extend(healthyPrimary(), [makeHost('ss2', ['site-server', 'sql-server'], { site: 'p01 ' })]);
    const finding = findingById(doc, 'duplicate-site-server:P01');
    expect(finding.severity).toBe('warning');
    expect(finding.hosts).toEqual(['ss', 'ss2']);
  });

  it('is quiet for one site server per site', () => {
    expect(findingsOf(healthyPrimary(), 'duplicate-site-server')).toEqual([]);
  });
});
