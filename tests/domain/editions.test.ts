import currentCatalogue from '@data/catalogue/editions/current/catalogue.json';
import currentEdition from '@data/catalogue/editions/current/edition.json';
import currentRoles from '@data/catalogue/editions/current/roles.json';
import currentSections from '@data/catalogue/editions/current/sections.json';
import { buildCatalogue, CatalogueError } from '@/domain/catalogue';
import { catalogue } from '@/domain/default-catalogue';
import { applyEdition } from '@/domain/edition-overlay';
import { BASE_FILES, EDITIONS, isEditionId, loadEdition } from '@/domain/editions';

const current = loadEdition('current');
const old = loadEdition('2018-de');
const overlay = { sections: currentSections, roles: currentRoles, catalogue: currentCatalogue };
const build = (patch: { sections?: unknown; roles?: unknown }) =>
  buildCatalogue(applyEdition(BASE_FILES, currentEdition, { ...overlay, ...patch }));

describe('the edition registry', () => {
  it('knows 2018-de and current, and loads each once', () => {
    expect(EDITIONS.map((e) => e.id)).toEqual(['2018-de', 'current']);
    expect(loadEdition('current')).toBe(current);
    expect(isEditionId('current')).toBe(true);
    expect(isEditionId('2016-en')).toBe(false);
  });

  it('hands out the catalogue everything imports today as 2018-de', () => {
    expect(old).toBe(catalogue);
  });

  it('builds 2018-de exactly as the base files build today', () => {
    expect(old).toEqual(buildCatalogue(BASE_FILES));
    expect(old.sections).toHaveLength(62);
    expect(old.rules).toHaveLength(143);
    expect(old.retiredSections).toEqual([]);
    expect(old.roles.some((r) => r.retired)).toBe(false);
  });

  it('states where each edition comes from and where it is published', () => {
    expect(old.edition).toMatchObject({ id: '2018-de', language: 'de', source: { kind: 'seed' } });
    expect(old.source.url).toBe(
      'https://learn.microsoft.com/de-de/mem/configmgr/core/plan-design/hierarchy/ports',
    );
    expect(current.edition).toMatchObject({
      id: 'current',
      language: 'en',
      date: '2022-02-16',
      source: {
        kind: 'repository',
        repo: 'MicrosoftDocs/memdocs',
        path: 'memdocs/configmgr/core/plan-design/hierarchy/ports.md',
        commit: 'e24bf12bc665459e6b643344b11eea77d664dd07',
      },
    });
    expect(current.edition.additions).toHaveLength(3);
    expect(current.source).toEqual({
      title: 'Ports used in Configuration Manager',
      edition: 'en-US',
      date: '2022-02-16',
      url: 'https://learn.microsoft.com/en-us/mem/configmgr/core/plan-design/hierarchy/ports',
    });
  });
});

describe('what current retires', () => {
  it('retires the application catalog and hybrid Intune sections with the release that removed them', () => {
    expect(current.retiredSections.map((s) => [s.anchor, s.release])).toEqual([
      ['BKMK_PortsAppCatalogService-SQL', '1910'],
      ['BKMK_PortsAppCatalogWebSitePoint_AppCatalogWebServicePoint', '1910'],
      ['BKMK_PortsClient-AppCatalogWebsitePoint', '1910'],
      ['BKMK_PortsMobileDeviceClient-WindowsIntune', '2019-09-01'],
      ['BKMK_PortsIntuneConnector-WindowsIntune', '2019-09-01'],
      ['BKMK_PortsAppCatalogWebServicePoint_SiteServer', '1910'],
      ['BKMK_PortsAppCatalogWebSitePoint_SiteServer', '1910'],
    ]);
    for (const s of current.retiredSections) {
      expect(current.sectionByAnchor.has(s.anchor)).toBe(false);
      expect(s).toMatchObject({
        from: old.sectionByAnchor.get(s.anchor)?.from,
        to: old.sectionByAnchor.get(s.anchor)?.to,
      });
    }
  });

  it('keeps retired roles known, marked with their release, without any rule', () => {
    const retired = current.roles.filter((r) => r.retired).map((r) => [r.id, r.retired?.release]);
    expect(retired).toEqual([
      ['app-catalog-web-service-point', '1910'],
      ['app-catalog-website-point', '1910'],
      ['intune', '2019-09-01'],
    ]);
    for (const [id] of retired) {
      const uses = [...current.rules, ...current.supplementaryRules].filter(
        (r) => r.from === id || r.to === id,
      );
      expect(uses, String(id)).toEqual([]);
      expect(current.roleById.get(String(id))?.namesDe.length).toBeGreaterThan(0);
    }
  });

  it('refuses an overlay that leaves a base section neither kept nor retired', () => {
    const sections = {
      ...currentSections,
      sections: currentSections.sections.filter((s) => s.anchor !== 'BKMK_PortsMP-SQL'),
    };
    expect(() => build({ sections })).toThrow(/BKMK_PortsMP-SQL: a base section must be kept or retired/);
  });

  it('refuses a rule on a retired role, and a base row moved to another section', () => {
    const toIntune = {
      anchor: 'test-intune',
      heading: 'Client --> Microsoft Intune',
      from: 'client',
      to: 'intune',
      bidirectional: false,
      rows: [{ protocol: 'TCP', port: 443, description: 'HTTPS', service: 'web', notes: [] }],
    };
    const onRetired = { ...currentSections, sections: [...currentSections.sections, toIntune] };
    expect(() => build({ sections: onRetired })).toThrow(/role intune is retired/);
    const restated = {
      ...currentSections,
      sections: currentSections.sections.map((s) =>
        s.anchor === 'BKMK_PortsClient-MP' ? { anchor: s.anchor, heading: s.heading, from: 'console' } : s,
      ),
    };
    expect(() => build({ sections: restated })).toThrow(CatalogueError);
    const retiredRole = {
      ...currentRoles,
      retire: [...currentRoles.retire, { id: 'fallback-status-point', release: 'x', reason: 'test' }],
    };
    expect(() => build({ roles: retiredRole })).toThrow(/role fallback-status-point is retired/);
    const moved = {
      ...currentSections,
      sections: currentSections.sections.map((s) =>
        s.anchor === 'BKMK_PortsMP-SQL' ? { ...s, rows: ['BKMK_PortsRSP-SQL/TCP/1433'] } : s,
      ),
    };
    expect(() => build({ sections: moved })).toThrow(/no base rule BKMK_PortsRSP-SQL\/TCP\/1433/);
  });
});

describe('what current adds', () => {
  it.each([
    ['cmg', 'CMG'],
    ['cmg-connection-point', 'CMGCP'],
    ['data-warehouse-service-point', 'DWSP'],
    ['content-library-share', 'RCL'],
    ['wsus-database', 'SUSDB'],
    ['azure', 'AZ'],
  ])('has the role %s with names, abbreviation %s and a colour', (id, abbr) => {
    const role = current.roleById.get(id)!;
    expect(role.name.length).toBeGreaterThan(0);
    expect(role.namesEn?.length).toBeGreaterThan(0);
    expect(role.abbr).toBe(abbr);
    expect(role.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(role.retired).toBeUndefined();
    expect(old.roleById.has(id)).toBe(false);
  });

  it('gives every role of current a unique abbreviation, and keeps the German names of 2018', () => {
    const abbrs = current.roles.map((r) => r.abbr);
    expect(new Set(abbrs).size).toBe(abbrs.length);
    for (const role of old.roles) expect(current.roleById.get(role.id)?.namesDe).toEqual(role.namesDe);
    for (const role of current.roles) expect(role.namesEn?.length, role.id).toBeGreaterThan(0);
  });

  it('marks the conditions the page states, evaluated by the engine', () => {
    const sectionsOf = (c: string) => [
      ...new Set(current.rules.filter((r) => r.condition === c).map((r) => r.section)),
    ];
    expect(sectionsOf('pull-dp')).toEqual(['BKMK_PortsPullDP-DPSource']);
    expect(sectionsOf('cmg-scale-set')).toEqual(['bkmk_cmgcp-cmg2']);
    expect(sectionsOf('cmg-classic')).toEqual(['bkmk_cmgcp-cmg']);
    expect(current.rules.filter((r) => r.condition === 'sql-named-instance').map((r) => r.id)).toEqual([
      'BKMK_PortsSQL-SQL/UDP/1434',
    ]);
    expect(current.rules.find((r) => r.id === 'BKMK_PortsClient-DP3/UDP/547')?.condition).toBe('dp-pxe');
    expect(sectionsOf('wsus-alternate')).toEqual([
      'BKMK_PortsClient-SUP',
      'bkmk_cmgcp-sup',
      'BKMK_PortsSite-SUP',
      'BKMK_PortsSUP-WSUS',
    ]);
    // Express updates on a client's DP are on the page without a condition.
    expect(current.rules.find((r) => r.id === 'BKMK_PortsClient-DP/TCP/8005')?.condition).toBeUndefined();
  });

  it('makes every note-2 port configurable, and dynamic ports follow the RPC range', () => {
    for (const rule of current.rules) {
      if (rule.notes.includes(2)) expect(rule.setting, rule.id).toBeDefined();
      if (rule.port === 'dynamic') expect(rule.setting, rule.id).toBe('rpcDynamic');
    }
    const setting = (id: string) => current.rules.find((r) => r.id === id)?.setting;
    expect(setting('BKMK_PortsClient-DP/TCP/8005')).toBe('expressUpdates');
    expect(setting('BKMK_PortsPullDP-DPSource/TCP/8005')).toBe('expressUpdates');
    expect(setting('BKMK_PortsSite-SQL-WSUS/TCP/1433')).toBe('wsusDatabase');
  });

  it('lets a SQL Server host replace the SQL ports with its own instance port', () => {
    const port = (key: string) => current.portSettings.find((p) => p.key === key);
    expect(port('sqlServer')).toMatchObject({ default: 1433, hostOption: 'sqlPort' });
    expect(port('wsusDatabase')).toMatchObject({ default: 1433, hostOption: 'sqlPort' });
    expect(port('expressUpdates')).toMatchObject({ default: 8005 });
    expect(port('appCatalogHttp')).toBeUndefined();
    expect(current.roleOptions.find((o) => o.id === 'sqlPort')?.appliesTo).toEqual([
      'sql-server',
      'wsus-database',
    ]);
    expect(current.roleOptions.find((o) => o.id === 'pull')?.appliesTo).toEqual(['distribution-point']);
    expect(current.roleOptions.find((o) => o.id === 'cmgClassic')?.appliesTo).toEqual(['cmg']);
    expect(old.portSettings.find((p) => p.key === 'sqlServer')?.hostOption).toBeUndefined();
  });

  it('rewords notes 3 to 5 for the current page and keeps the others', () => {
    expect(current.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const n of [1, 2, 6]) expect(current.noteByNumber.get(n)).toEqual(old.noteByNumber.get(n));
    expect(current.noteByNumber.get(3)?.text).toMatch(/SUSDB/);
  });

  it('cites the supplementary lists by the English page anchors and adds LDAPS and Kerberos', () => {
    expect(current.supplementaryLists.map((l) => [l.id, l.section])).toEqual([
      ['client-shares', 'client-to-server-shares'],
      ['sql-replication', 'connections-to-sql-server'],
      ['discovery', 'discovery-and-publishing'],
      [
        'internet-site-systems',
        'installation-requirements-for-site-systems-that-support-internet-based-clients',
      ],
      ['windows-server', 'ports-used-by-windows-server'],
    ]);
    for (const rule of current.supplementaryRules)
      expect(rule.id.startsWith(`${rule.section}/`), rule.id).toBe(true);
    const rows = (list: string) =>
      current.supplementaryRules.filter((r) => r.list === list).map((r) => `${r.protocol} ${r.port}`);
    expect(rows('discovery')).toEqual([
      'TCP 389',
      'TCP 636',
      'TCP 3268',
      'TCP 135',
      'TCP 1024-5000',
      'TCP 49152-65535',
    ]);
    expect(rows('windows-server')).toEqual([
      'UDP 53',
      'TCP 53',
      'UDP 67',
      'UDP 68',
      'UDP 137',
      'UDP 138',
      'TCP 139',
      'TCP 88',
    ]);
    expect(current.supplementaryRules).toHaveLength(old.supplementaryRules.length + 2);
  });
});
