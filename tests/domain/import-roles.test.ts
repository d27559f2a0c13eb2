import headerTable from '@data/import/headers.json';
import { loadEdition } from '@/domain/editions';
import { headerKey } from '@/domain/import/headers';
import { CONFIGMGR_ROLES, roleNames } from '@/domain/import/role-names';

const current = loadEdition('current');
const base = loadEdition('2018-de');

describe('data/import/configmgr-roles.json', () => {
  it('names every role id of a known edition, each ConfigMgr name once', () => {
    const ids = new Set([...base.roles, ...current.roles].map((r) => r.id));
    for (const row of CONFIGMGR_ROLES) for (const role of row.roles) expect(ids, row.name).toContain(role);
    const names = CONFIGMGR_ROLES.map((r) => r.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ['SMS Site Server', ['site-server']],
    ['SMS SQL Server', ['sql-server']],
    ['SMS Provider', ['sms-provider']],
    ['SMS Management Point', ['management-point']],
    ['SMS Distribution Point', ['distribution-point']],
    ['SMS Software Update Point', ['software-update-point']],
    ['SMS Fallback Status Point', ['fallback-status-point']],
    ['SMS SRS Reporting Point', ['reporting-services-point']],
    ['SMS State Migration Point', ['state-migration-point']],
    ['SMS Dmp Connector', ['service-connection-point']],
    ['SMS Cloud Proxy Connector', ['cmg-connection-point']],
    ['SMS Endpoint Protection Point', ['endpoint-protection-point']],
    ['SMS Certificate Registration Point', ['certificate-registration-point']],
    ['SMS Application Web Service', ['app-catalog-web-service-point']],
    ['SMS Portal Web Site', ['app-catalog-website-point']],
    ['SMS Enrollment Server', ['enrollment-point']],
    ['SMS Enrollment Web Site', ['enrollment-proxy-point']],
    ['SMS AI Update Service Point', ['asset-intelligence-sync-point']],
    ['AI Update Service Point', ['asset-intelligence-sync-point']],
    ['SMS Data Warehouse Service Point', ['data-warehouse-service-point']],
    ['Data Warehouse Service Point', ['data-warehouse-service-point']],
    ['SMS Site System', []],
    ['SMS Component Server', []],
    ['SMS AMT Service Point', []],
    ['sms management  point', ['management-point']],
  ])('maps %s to %j', (name, roles) => {
    expect(roleNames(current).configMgr(name)).toEqual({ known: true, roles });
  });

  it("reads a planner's role words: ids, English and German names, abbreviations", () => {
    const names = roleNames(current);
    expect(names.any('management-point')).toEqual({ known: true, roles: ['management-point'] });
    expect(names.any('Verwaltungspunkt')).toEqual({ known: true, roles: ['management-point'] });
    expect(names.any('Distribution point')).toEqual({ known: true, roles: ['distribution-point'] });
    expect(names.any('sup')).toEqual({ known: true, roles: ['software-update-point'] });
    expect(names.any('SMS Provider')).toEqual({ known: true, roles: ['sms-provider'] });
    expect(names.any('Flux capacitor')).toEqual({ known: false });
    // A ConfigMgr name is no planner's abbreviation: the internal table only knows internal names.
    expect(names.configMgr('MP')).toEqual({ known: false });
  });
});

describe('data/import/headers.json', () => {
  it('gives no alias to two fields of one file kind (Name is shared only by groups and hosts)', () => {
    const owners = new Map<string, string[]>();
    for (const [field, aliases] of Object.entries(headerTable.fields)) {
      for (const alias of aliases)
        owners.set(headerKey(alias), [...(owners.get(headerKey(alias)) ?? []), field]);
    }
    const shared = [...owners].filter(([, fields]) => fields.length > 1);
    expect(shared).toEqual([['name', ['groupName', 'hostName']]]);
  });
});
