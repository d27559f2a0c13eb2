import { databaseRoles } from '@/domain/checks/new-hosts';
import { catalogue } from '@/domain/default-catalogue';
import { makeDocument, makeHost } from '../../builders';
import {
  applyAndRecheck,
  check,
  extend,
  findingById,
  findingsOf,
  healthyPrimary,
  remoteSqlSite,
  text,
} from './support';

describe('a site server with no site database', () => {
  it('is an error when the site server holds no SQL Server and links to none', () => {
    const doc = makeDocument([makeHost('ss', ['site-server'], { name: 'P01-SS', site: 'P01' })]);
    const finding = findingById(doc, 'missing-site-database:ss');
    expect(finding.severity).toBe('error');
    expect(text(finding)).toContain('P01-SS');
    expect(finding.ghost).toEqual({ source: 'ss', missingRole: 'sql-server' });
    expect(finding.fix).toMatchObject({ kind: 'add-host', role: 'sql-server', site: 'P01', linkTo: ['ss'] });
  });

  it('offers a link when the site has an unlinked SQL Server', () => {
    const doc = makeDocument([
      makeHost('ss', ['site-server'], { site: 'P01' }),
      makeHost('sql', ['sql-server'], { site: 'P01' }),
    ]);
    const finding = findingById(doc, 'missing-site-database:ss');
    expect(finding.ghost).toEqual({ source: 'ss', target: 'sql' });
    expect(finding.fix).toMatchObject({ kind: 'add-link', source: 'ss', target: 'sql' });
  });

  it('is quiet when SQL Server runs on the site server', () => {
    expect(findingsOf(healthyPrimary(), 'missing-site-database')).toEqual([]);
  });

  it('is quiet when the site server links to a SQL Server of its site', () => {
    const doc = makeDocument(
      [makeHost('ss', ['site-server'], { site: 'P01' }), makeHost('sql', ['sql-server'], { site: 'P01' })],
      [['ss', 'sql']],
    );
    expect(findingsOf(doc, 'missing-site-database')).toEqual([]);
  });

  it("does not count a link to another site's SQL Server", () => {
    const doc = makeDocument(
      [makeHost('ss', ['site-server'], { site: 'P01' }), makeHost('sql', ['sql-server'], { site: 'P02' })],
      [['ss', 'sql']],
    );
    expect(findingsOf(doc, 'missing-site-database').map((f) => f.id)).toEqual(['missing-site-database:ss']);
  });

  it.each([
    ['adds a SQL Server host', [makeHost('ss', ['site-server'], { site: 'P01' })]],
    [
      'links the existing SQL Server',
      [makeHost('ss', ['site-server'], { site: 'P01' }), makeHost('sql', ['sql-server'], { site: 'P01' })],
    ],
  ])('its fix %s and removes the finding', (_, hosts) => {
    applyAndRecheck(makeDocument(hosts), 'missing-site-database:ss');
  });
});

describe('roles that read the site database', () => {
  it('are derived from the catalogue: every role with a rule to SQL Server, but SQL Server', () => {
    const roles = databaseRoles(catalogue);
    const expected = new Set(
      catalogue.rules.filter((r) => r.to === 'sql-server' && r.from !== 'sql-server').map((r) => r.from),
    );
    expect(roles).toEqual(expected);
    for (const role of [
      'management-point',
      'sms-provider',
      'reporting-services-point',
      'enrollment-point',
      'endpoint-protection-point',
      'asset-intelligence-sync-point',
      'app-catalog-web-service-point',
      'state-migration-point',
    ]) {
      expect(roles.has(role)).toBe(true);
    }
    expect(roles.has('sql-server')).toBe(false);
  });

  const readers = [...databaseRoles(catalogue)].filter((r) => r !== 'site-server');

  it.each(readers)('%s with no link to a SQL Server of its site is an error', (role) => {
    const doc = extend(
      remoteSqlSite(),
      [makeHost('x', [role], { name: 'P01-X', site: 'P01' })],
      [['x', 'ss']],
    );
    const finding = findingById(doc, 'database-link-missing:x');
    expect(finding.severity).toBe('error');
    expect(text(finding)).toContain('P01-X');
    expect(finding.ghost).toEqual({ source: 'x', target: 'sql' });
    expect(finding.fix).toMatchObject({ kind: 'add-link', source: 'x', target: 'sql' });
    expect(finding.sections?.length).toBeGreaterThan(0);
    applyAndRecheck(doc, 'database-link-missing:x');
  });

  it.each(readers)('%s linked to the SQL Server of its site is fine', (role) => {
    const doc = extend(
      remoteSqlSite(),
      [makeHost('x', [role], { site: 'P01' })],
      [
        ['x', 'sql'],
        ['x', 'ss'],
      ],
    );
    expect(findingsOf(doc, 'database-link-missing')).toEqual([]);
  });

  it('names every database role of a host in one finding', () => {
    const doc = extend(
      remoteSqlSite(),
      [makeHost('x', ['management-point', 'reporting-services-point'], { name: 'P01-X', site: 'P01' })],
      [['x', 'ss']],
    );
    const found = findingsOf(doc, 'database-link-missing');
    expect(found).toHaveLength(1);
    expect(text(found[0])).toContain('management point and reporting services point');
  });

  it("does not count a link to another site's SQL Server", () => {
    const doc = extend(
      remoteSqlSite(),
      [
        makeHost('x', ['management-point'], { site: 'P01' }),
        makeHost('sql2', ['sql-server'], { site: 'P02' }),
      ],
      [
        ['x', 'sql2'],
        ['x', 'ss'],
      ],
    );
    expect(findingsOf(doc, 'database-link-missing').map((f) => f.id)).toEqual(['database-link-missing:x']);
  });

  it('leaves site servers to the site database check and SQL Server hosts alone', () => {
    const doc = makeDocument([
      makeHost('a', ['site-server', 'management-point'], { site: 'P01' }),
      makeHost('b', ['sql-server', 'reporting-services-point'], { site: 'P01' }),
    ]);
    expect(findingsOf(doc, 'database-link-missing')).toEqual([]);
  });

  it('offers a new SQL Server, linked to the host and its database-less site server, when the site has none', () => {
    const doc = makeDocument(
      [
        makeHost('ss', ['site-server'], { site: 'P01' }),
        makeHost('mp', ['management-point'], { site: 'P01' }),
      ],
      [['ss', 'mp']],
    );
    const finding = findingById(doc, 'database-link-missing:mp');
    expect(finding.ghost).toEqual({ source: 'mp', missingRole: 'sql-server' });
    expect(finding.fix).toMatchObject({ kind: 'add-host', role: 'sql-server', linkTo: ['mp', 'ss'] });
    const fixed = applyAndRecheck(doc, 'database-link-missing:mp');
    expect(check(fixed).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
