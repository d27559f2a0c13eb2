import type { RoleId } from '../catalogue-types';

/** Role ids the checks name; each exists in data/catalogue/roles.json. */
export const ROLE = {
  siteServer: 'site-server',
  sql: 'sql-server',
  provider: 'sms-provider',
  managementPoint: 'management-point',
  distributionPoint: 'distribution-point',
  cloudDistributionPoint: 'cloud-distribution-point',
  updatePoint: 'software-update-point',
  wsusUpstream: 'wsus-upstream',
  internet: 'internet',
  console: 'console',
  client: 'client',
} as const satisfies Record<string, RoleId>;
