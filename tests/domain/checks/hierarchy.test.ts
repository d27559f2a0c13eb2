import type { Host, HostOptions, TopologyDocument } from '@/domain/document';
import { makeDocument, makeHost } from '../../builders';
import { applyAndRecheck, findingById, findingsOf, text } from './support';

/** A site server with its database on the same host. */
function site(code: string, options: HostOptions = {}, patch: Partial<Host> = {}): Host {
  return makeHost(code.toLowerCase(), ['site-server', 'sql-server'], {
    name: `${code}-SITE`,
    site: code,
    options,
    ...patch,
  });
}

/** CAS with one primary P01, fully linked. */
function casWithPrimary(links: readonly (readonly [string, string])[] = [['cas', 'p01']]): TopologyDocument {
  return makeDocument(
    [site('CAS', { siteType: 'cas' }), site('P01', { siteType: 'primary', parentSite: 'CAS' })],
    links,
  );
}

describe('a secondary site', () => {
  it('with no parent site is an error', () => {
    const doc = makeDocument([site('S01', { siteType: 'secondary' })]);
    const finding = findingById(doc, 'secondary-parent-missing:s01');
    expect(finding.severity).toBe('error');
    expect(text(finding)).toContain('S01');
  });

  it('whose parent is not in the topology is an error with a ghost site server', () => {
    const doc = makeDocument([site('S01', { siteType: 'secondary', parentSite: 'P09' })]);
    const finding = findingById(doc, 'secondary-parent-missing:s01');
    expect(text(finding)).toContain('P09');
    expect(finding.ghost).toEqual({ source: 's01', missingRole: 'site-server' });
  });

  it('whose parent is a CAS is an error', () => {
    const doc = makeDocument(
      [site('CAS', { siteType: 'cas' }), site('S01', { siteType: 'secondary', parentSite: 'CAS' })],
      [['cas', 's01']],
    );
    expect(text(findingById(doc, 'secondary-parent-missing:s01'))).toContain('must be a primary site');
  });

  it('below a primary it is linked to is fine', () => {
    const doc = makeDocument(
      [site('P01', { siteType: 'primary' }), site('S01', { siteType: 'secondary', parentSite: 'p01' })],
      [['p01', 's01']],
    );
    expect(findingsOf(doc, 'secondary-parent-missing')).toEqual([]);
    expect(findingsOf(doc, 'site-to-site-link-missing')).toEqual([]);
    expect(findingsOf(doc, 'database-replication-link-missing')).toEqual([]);
  });
});

describe('a primary site', () => {
  it('naming a parent that is not a CAS is an error', () => {
    const doc = makeDocument(
      [site('P01', { siteType: 'primary' }), site('P02', { siteType: 'primary', parentSite: 'P01' })],
      [['p01', 'p02']],
    );
    expect(findingById(doc, 'primary-parent-missing:p02').severity).toBe('error');
  });

  it('naming a parent missing from the topology is an error', () => {
    const doc = makeDocument([site('P01', { siteType: 'primary', parentSite: 'CAS' })]);
    expect(findingById(doc, 'primary-parent-missing:p01').severity).toBe('error');
  });

  it('with no parent next to a CAS is a warning', () => {
    const doc = makeDocument([...casWithPrimary().hosts, site('P02')], [['cas', 'p01']]);
    expect(findingById(doc, 'primary-parent-missing:p02').severity).toBe('warning');
  });

  it('standing alone, with no site type set, is fine', () => {
    const doc = makeDocument([site('P01')]);
    expect(findingsOf(doc, 'primary-parent-missing')).toEqual([]);
    expect(findingsOf(doc, 'cas-without-primaries')).toEqual([]);
  });
});

describe('a central administration site', () => {
  it('with no primary below it is an error', () => {
    const doc = makeDocument([site('CAS', { siteType: 'cas' }), site('P01', { siteType: 'primary' })]);
    const finding = findingById(doc, 'cas-without-primaries:cas');
    expect(finding.severity).toBe('error');
    expect(text(finding)).toContain('CAS');
  });

  it('with a primary below it is fine', () => {
    expect(findingsOf(casWithPrimary(), 'cas-without-primaries')).toEqual([]);
  });
});

describe('site-to-site links', () => {
  it('a primary whose site server has no link to the CAS site server is an error, fixed by the link', () => {
    const doc = casWithPrimary([]);
    const finding = findingById(doc, 'site-to-site-link-missing:P01:CAS');
    expect(finding.severity).toBe('error');
    expect(finding.ghost).toEqual({ source: 'p01', target: 'cas' });
    expect(finding.sections).toEqual(['BKMK_PortsSite-Site']);
    applyAndRecheck(doc, 'site-to-site-link-missing:P01:CAS');
  });

  it('site databases on their own hosts need a replication link, fixed by linking them', () => {
    const doc = makeDocument(
      [
        makeHost('cas', ['site-server'], { site: 'CAS', options: { siteType: 'cas' } }),
        makeHost('cassql', ['sql-server'], { site: 'CAS' }),
        makeHost('p01', ['site-server'], {
          site: 'P01',
          options: { siteType: 'primary', parentSite: 'CAS' },
        }),
        makeHost('p01sql', ['sql-server'], { site: 'P01' }),
      ],
      [
        ['cas', 'cassql'],
        ['p01', 'p01sql'],
        ['cas', 'p01'],
      ],
    );
    const finding = findingById(doc, 'database-replication-link-missing:P01:CAS');
    expect(finding.severity).toBe('error');
    expect(finding.hosts).toEqual(['p01sql', 'cassql']);
    expect(finding.sections).toEqual(['BKMK_PortsSQL-SQL']);
    const fixed = applyAndRecheck(doc, 'database-replication-link-missing:P01:CAS');
    expect(findingsOf(fixed, 'site-to-site-link-missing')).toEqual([]);
  });

  it('are complete when site servers (holding their databases) are linked', () => {
    const doc = casWithPrimary();
    expect(findingsOf(doc, 'site-to-site-link-missing')).toEqual([]);
    expect(findingsOf(doc, 'database-replication-link-missing')).toEqual([]);
  });

  it('a secondary needs its site-to-site link to its parent primary', () => {
    const doc = makeDocument([
      site('P01', { siteType: 'primary' }),
      makeHost('s01', ['site-server', 'sql-server'], {
        site: 'S01',
        options: { siteType: 'secondary', parentSite: 'P01' },
      }),
    ]);
    expect(findingsOf(doc, 'site-to-site-link-missing').map((f) => f.id)).toEqual([
      'site-to-site-link-missing:S01:P01',
    ]);
    // Both databases sit on the site servers: the one link serves both, so one finding says it.
    expect(findingsOf(doc, 'database-replication-link-missing')).toEqual([]);
    const fixed = applyAndRecheck(doc, 'site-to-site-link-missing:S01:P01');
    expect(findingsOf(fixed, 'database-replication-link-missing')).toEqual([]);
  });
});
