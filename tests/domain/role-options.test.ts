import { catalogue } from '@/domain/default-catalogue';
import { optionApplies } from '@/domain/role-options';
import { makeHost } from '../builders';

const host = (roles: string[]) => makeHost('h', roles);
const option = (id: string) => catalogue.roleOptions.find((o) => o.id === id)!;

describe('which role options a host offers', () => {
  it('offers note 5 on site systems but not on a site server alone, a client or a peer', () => {
    expect(optionApplies(option('siteServerInitiates'), host(['management-point']), catalogue)).toBe(true);
    expect(optionApplies(option('siteServerInitiates'), host(['site-server']), catalogue)).toBe(false);
    expect(optionApplies(option('siteServerInitiates'), host(['client']), catalogue)).toBe(false);
    expect(optionApplies(option('siteServerInitiates'), host(['domain-controller']), catalogue)).toBe(false);
    expect(
      optionApplies(option('siteServerInitiates'), host(['site-server', 'distribution-point']), catalogue),
    ).toBe(true);
  });

  it('offers PXE and multicast on a distribution point and the site type on a site server', () => {
    expect(optionApplies(option('pxe'), host(['distribution-point']), catalogue)).toBe(true);
    expect(optionApplies(option('pxe'), host(['management-point']), catalogue)).toBe(false);
    expect(optionApplies(option('siteType'), host(['site-server']), catalogue)).toBe(true);
    expect(optionApplies(option('wsusPorts'), host(['software-update-point']), catalogue)).toBe(true);
  });
});
