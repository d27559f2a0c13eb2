import { loadEdition } from '@/domain/editions';

/**
 * The `current` edition against Microsoft's English page (MicrosoftDocs/memdocs,
 * memdocs/configmgr/core/plan-design/hierarchy/ports.md at e24bf12b, ms.date 2022-02-16) plus the
 * three later additions of the published page. Written by hand from the page, section by section,
 * in the page's order: anchor, initiator, arrow, responder, and every protocol/port row of its table.
 */
const PAGE: readonly (readonly [string, string, '-->' | '<-->', string, readonly string[]])[] = [
  ['BKMK_PortsAI', 'asset-intelligence-sync-point', '-->', 'microsoft', ['TCP 443']],
  ['BKMK_PortsAI-to-SQL', 'asset-intelligence-sync-point', '-->', 'sql-server', ['TCP 1433']],
  [
    'BKMK_PortsClient-ClientWakeUp',
    'client',
    '-->',
    'client',
    ['UDP 9', 'UDP 25536', 'UDP 8004', 'TCP 8003'],
  ],
  ['BKMK_PortsClient-PolicyModule', 'client', '-->', 'policy-module', ['TCP 80', 'TCP 443']],
  ['BKMK_PortsClient-CloudDP', 'client', '-->', 'cloud-distribution-point', ['TCP 443']],
  ['bkmk_client-cmg', 'client', '-->', 'cmg', ['TCP 443']],
  ['BKMK_PortsClient-DP', 'client', '-->', 'distribution-point', ['TCP 80', 'TCP 443', 'TCP 8005']],
  ['BKMK_PortsClient-DP2', 'client', '-->', 'distribution-point', ['TCP 445', 'UDP 63000-64000']],
  [
    'BKMK_PortsClient-DP3',
    'client',
    '-->',
    'distribution-point',
    ['UDP 67', 'UDP 68', 'UDP 69', 'UDP 4011', 'UDP 547'],
  ],
  ['BKMK_PortsClient-FSP', 'client', '-->', 'fallback-status-point', ['TCP 80']],
  ['BKMK_PortsClient-GCDC', 'client', '-->', 'global-catalog', ['TCP 3268']],
  ['BKMK_PortsClient-MP', 'client', '-->', 'management-point', ['TCP 10123', 'TCP 80', 'TCP 443']],
  [
    'BKMK_PortsClient-SUP',
    'client',
    '-->',
    'software-update-point',
    ['TCP 80', 'TCP 8530', 'TCP 443', 'TCP 8531'],
  ],
  ['BKMK_PortsClient-SMP', 'client', '-->', 'state-migration-point', ['TCP 80', 'TCP 443', 'TCP 445']],
  ['bkmk_cmgcp-cmg2', 'cmg-connection-point', '-->', 'cmg', ['TCP 443', 'TCP 10124-10139']],
  ['bkmk_cmgcp-cmg', 'cmg-connection-point', '-->', 'cmg', ['TCP 10140-10155', 'TCP 443', 'TCP 10124-10139']],
  ['bkmk_cmgcp-mp', 'cmg-connection-point', '-->', 'management-point', ['TCP 443', 'TCP 80']],
  [
    'bkmk_cmgcp-sup',
    'cmg-connection-point',
    '-->',
    'software-update-point',
    ['TCP 443', 'TCP 8531', 'TCP 80', 'TCP 8530'],
  ],
  ['BKMK_PortsConsole-Client', 'console', '-->', 'client', ['TCP 2701', 'TCP 3389']],
  ['BKMK_PortsConsole-Internet', 'console', '-->', 'internet', ['TCP 80', 'TCP 443']],
  ['BKMK_PortsConsole-RSP', 'console', '-->', 'reporting-services-point', ['TCP 80', 'TCP 443']],
  ['BKMK_PortsConsole-Site', 'console', '-->', 'site-server', ['TCP 135']],
  [
    'BKMK_PortsConsole-Provider',
    'console',
    '-->',
    'sms-provider',
    ['UDP 135', 'TCP 135', 'TCP dynamic', 'TCP 443'],
  ],
  [
    'BKMK_PortsCertificateRegistationPoint_PolicyModule',
    'policy-module',
    '-->',
    'certificate-registration-point',
    ['TCP 443'],
  ],
  ['BKMK_PortsDWSPSQL', 'data-warehouse-service-point', '-->', 'sql-server', ['TCP 1433']],
  ['BKMK_PortsDist_MP', 'distribution-point', '-->', 'management-point', ['TCP 80', 'TCP 443']],
  ['BKMK_PortsEndpointProtection_Internet', 'endpoint-protection-point', '-->', 'internet', ['TCP 80']],
  ['BKMK_PortsEP-to-SQL', 'endpoint-protection-point', '-->', 'sql-server', ['TCP 1433']],
  [
    'BKMK_PortsEnrollmentProxyEnrollmentPoint',
    'enrollment-proxy-point',
    '-->',
    'enrollment-point',
    ['TCP 443'],
  ],
  ['BKMK_PortsEnrollmentEnrollmentSQL', 'enrollment-point', '-->', 'sql-server', ['TCP 1433']],
  ['BKMK_PortsExchangeConnectorHosted', 'exchange-connector', '-->', 'exchange-online', ['TCP 5986']],
  ['BKMK_PortsExchangeConnectorOnPrem', 'exchange-connector', '-->', 'exchange-server', ['TCP 5985']],
  ['BKMK_PortsMacEnrollmentProxyPoint', 'mac-client', '-->', 'enrollment-proxy-point', ['TCP 443']],
  [
    'BKMK_PortsMP-DC',
    'management-point',
    '-->',
    'domain-controller',
    ['UDP 389', 'TCP 389', 'UDP 636', 'TCP 636', 'TCP 3268', 'TCP 135', 'TCP dynamic'],
  ],
  ['BKMK_PortsMP-Site', 'management-point', '<-->', 'site-server', ['TCP 135', 'TCP dynamic', 'TCP 445']],
  ['BKMK_PortsMP-SQL', 'management-point', '-->', 'sql-server', ['TCP 1433']],
  [
    'BKMK_PortsMobileDeviceClient-EnrollmentProxyPoint',
    'mobile-device',
    '-->',
    'enrollment-proxy-point',
    ['TCP 443'],
  ],
  [
    'BKMK_PortsPullDP-DPSource',
    'distribution-point',
    '-->',
    'distribution-point',
    ['TCP 80', 'TCP 443', 'TCP 8005'],
  ],
  ['BKMK_PortsRSP-SQL', 'reporting-services-point', '-->', 'sql-server', ['TCP 1433']],
  ['bkmk_scp-cmg', 'service-connection-point', '-->', 'azure', ['TCP 443']],
  ['bkmk_scp-notify', 'service-connection-point', '-->', 'azure', ['TCP 443']],
  ['bkmk_scp-sql', 'service-connection-point', '-->', 'sql-server', ['TCP 1433']],
  [
    'BKMK_PortsSite-AISP',
    'site-server',
    '<-->',
    'asset-intelligence-sync-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  ['BKMK_PortsSite-Client', 'site-server', '-->', 'client', ['UDP 9']],
  ['BKMK_PortsSiteServer-CloudDP', 'site-server', '-->', 'cloud-distribution-point', ['TCP 443']],
  [
    'BKMK_PortsSite-DP',
    'site-server',
    '-->',
    'distribution-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_PortsSite-DC',
    'site-server',
    '-->',
    'domain-controller',
    ['UDP 389', 'TCP 389', 'UDP 636', 'TCP 636', 'TCP 3268', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_PortsCertificateRegistrationPoint_SiteServer',
    'site-server',
    '<-->',
    'certificate-registration-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_CMGCP_SiteServer',
    'site-server',
    '<-->',
    'cmg-connection-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_PortsEndpointProtection_SiteServer',
    'site-server',
    '<-->',
    'endpoint-protection-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_EnrollmentPoint_SiteServer',
    'site-server',
    '<-->',
    'enrollment-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_EnrollmentProxyPoint_SiteServer',
    'site-server',
    '<-->',
    'enrollment-proxy-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_PortsSite-FSP',
    'site-server',
    '<-->',
    'fallback-status-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  ['BKMK_PortSite-Internet', 'site-server', '-->', 'internet', ['TCP 80', 'TCP 443']],
  [
    'BKMK_PortsIssuingCA_SiteServer',
    'site-server',
    '<-->',
    'issuing-ca',
    ['UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  ['BKMK_PortsSite-RCL', 'site-server', '-->', 'content-library-share', ['TCP 445']],
  [
    'BKMK_SCP_SiteServer',
    'site-server',
    '<-->',
    'service-connection-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_PortsSite-RSP',
    'site-server',
    '<-->',
    'reporting-services-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  ['BKMK_PortsSite-Site', 'site-server', '<-->', 'site-server', ['TCP 445']],
  [
    'BKMK_PortsSite-SQL',
    'site-server',
    '-->',
    'sql-server',
    ['TCP 1433', 'TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  ['BKMK_PortsSite-SQL-WSUS', 'site-server', '-->', 'wsus-database', ['TCP 1433']],
  [
    'BKMK_PortsSite-Provider',
    'site-server',
    '-->',
    'sms-provider',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic'],
  ],
  [
    'BKMK_PortsSite-SUP',
    'site-server',
    '<-->',
    'software-update-point',
    ['TCP 445', 'UDP 135', 'TCP 135', 'TCP dynamic', 'TCP 80', 'TCP 8530', 'TCP 443', 'TCP 8531'],
  ],
  ['BKMK_PortsSite-SMP', 'site-server', '<-->', 'state-migration-point', ['TCP 445', 'UDP 135', 'TCP 135']],
  ['BKMK_PortsProvider-SQL', 'sms-provider', '-->', 'sql-server', ['TCP 1433']],
  ['BKMK_PortsSUP-Internet', 'software-update-point', '-->', 'internet', ['TCP 80']],
  [
    'BKMK_PortsSUP-WSUS',
    'software-update-point',
    '-->',
    'wsus-upstream',
    ['TCP 80', 'TCP 8530', 'TCP 443', 'TCP 8531'],
  ],
  ['BKMK_PortsSQL-SQL', 'sql-server', '-->', 'sql-server', ['TCP 1433', 'TCP 4022', 'UDP 1434']],
  ['BKMK_PortsStateMigrationPoint-to-SQL', 'state-migration-point', '-->', 'sql-server', ['TCP 1433']],
];

const current = loadEdition('current');
const rowsOf = (anchor: string) =>
  current.rules.filter((r) => r.section === anchor).map((r) => `${r.protocol} ${r.port}`);

describe('the current edition against the English page', () => {
  it('holds the sections of the page in its order, 69 with the later service connection point one', () => {
    expect(current.sections.map((s) => s.anchor)).toEqual(PAGE.map(([anchor]) => anchor));
    expect(current.sections).toHaveLength(69);
    expect(current.rules).toHaveLength(PAGE.reduce((n, [, , , , rows]) => n + rows.length, 0));
  });

  it.each(PAGE.map((p) => [p[0], p] as const))(
    '%s: roles, direction and every row, in order',
    (anchor, p) => {
      const [, from, arrow, to, rows] = p;
      const section = current.sectionByAnchor.get(anchor)!;
      expect({ from: section.from, to: section.to, bidirectional: section.bidirectional }).toEqual({
        from,
        to,
        bidirectional: arrow === '<-->',
      });
      expect(rowsOf(anchor)).toEqual(rows);
      for (const rule of current.rules.filter((r) => r.section === anchor)) {
        expect({ from: rule.from, to: rule.to, bidirectional: rule.bidirectional }, rule.id).toEqual({
          from,
          to,
          bidirectional: arrow === '<-->',
        });
      }
    },
  );

  it('names each section as the page does, with role names of the page', () => {
    for (const section of current.sections) {
      const [from, to] = section.heading!.split(section.bidirectional ? ' <--> ' : ' --> ');
      expect(current.roleById.get(section.from)?.namesEn, section.anchor).toContain(from);
      expect(current.roleById.get(section.to)?.namesEn, section.anchor).toContain(to);
    }
  });

  it('keeps the German heading of sections the 2018 edition had, and only those', () => {
    const old = loadEdition('2018-de');
    for (const section of current.sections) {
      expect(section.headingDe, section.anchor).toBe(old.sectionByAnchor.get(section.anchor)?.headingDe);
    }
  });
});
