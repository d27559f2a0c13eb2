import { peerRoles } from '@/domain/checks/peers';
import { catalogue } from '@/domain/default-catalogue';
import { makeHost } from '../../builders';
import { applyAndRecheck, extend, findingById, findingsOf, healthyPrimary, text } from './support';

describe('the peers a role needs', () => {
  it.each([
    ['endpoint-protection-point', ['internet']],
    ['asset-intelligence-sync-point', ['microsoft']],
    ['enrollment-proxy-point', ['enrollment-point']],
    ['policy-module', ['certificate-registration-point']],
    ['mobile-device', ['enrollment-proxy-point', 'intune']],
    ['mac-client', ['enrollment-proxy-point']],
    ['service-connection-point', ['intune']],
    ['exchange-connector', ['exchange-online', 'exchange-server']],
    ['app-catalog-website-point', ['app-catalog-web-service-point']],
  ])('come from the catalogue: %s talks to %j', (role, peers) => {
    expect(peerRoles(catalogue, role)).toEqual(peers);
  });
});

describe('a role whose peer is missing', () => {
  /** Role, peer to link in the quiet case, severity, site system (needs the site server)? */
  const cases = [
    ['endpoint-protection-point', 'internet', 'warning'],
    ['asset-intelligence-sync-point', 'microsoft', 'warning'],
    ['service-connection-point', 'intune', 'warning'],
    ['exchange-connector', 'exchange-server', 'warning'],
    ['enrollment-proxy-point', 'enrollment-point', 'error'],
    ['policy-module', 'certificate-registration-point', 'error'],
    ['app-catalog-website-point', 'app-catalog-web-service-point', 'error'],
    ['mobile-device', 'enrollment-proxy-point', 'error'],
    ['mac-client', 'enrollment-proxy-point', 'error'],
  ] as const;

  it.each(cases)('%s with no link to a %s is a(n) %s, fixed by adding one', (role, peer, severity) => {
    const doc = extend(
      healthyPrimary(),
      [makeHost('x', [role], { name: 'X01', site: 'P01' })],
      [['ss', 'x']],
    );
    const id = `peer-missing:x:${role}`;
    const finding = findingById(doc, id);
    expect(finding.severity).toBe(severity);
    expect(text(finding)).toContain('X01');
    expect(finding.ghost).toEqual({ source: 'x', missingRole: peerRoles(catalogue, role)[0] });
    expect(finding.fix).toMatchObject({ kind: 'add-host', linkTo: expect.arrayContaining(['x']) });
    expect(peerRoles(catalogue, role)).toContain(peer);
    applyAndRecheck(doc, id);
  });

  it.each(cases)('%s with a %s in the topology gets a link to it as the fix', (role, peer) => {
    const doc = extend(
      healthyPrimary(),
      [makeHost('x', [role], { site: 'P01' }), makeHost('peer', [peer], { site: 'P01' })],
      [['ss', 'x']],
    );
    const finding = findingById(doc, `peer-missing:x:${role}`);
    expect(finding.fix).toMatchObject({ kind: 'add-link', source: 'x', target: 'peer' });
    expect(finding.ghost).toEqual({ source: 'x', target: 'peer' });
    applyAndRecheck(doc, `peer-missing:x:${role}`);
  });

  it.each(cases)('%s linked to a %s is fine', (role, peer) => {
    const doc = extend(
      healthyPrimary(),
      [makeHost('x', [role], { site: 'P01' }), makeHost('peer', [peer], { site: 'P01' })],
      [
        ['ss', 'x'],
        ['x', 'peer'],
      ],
    );
    // The peer may need a peer of its own (an enrollment proxy point needs an enrollment point).
    expect(findingsOf(doc, 'peer-missing').filter((f) => f.hosts[0] === 'x')).toEqual([]);
  });

  it('lets a mobile device reach Microsoft Intune instead of an enrollment proxy point', () => {
    const doc = extend(
      healthyPrimary(),
      [makeHost('mob', ['mobile-device']), makeHost('int', ['intune'])],
      [['mob', 'int']],
    );
    expect(findingsOf(doc, 'peer-missing')).toEqual([]);
  });

  it('names every accepted peer in the message', () => {
    const doc = extend(healthyPrimary(), [makeHost('mob', ['mobile-device'], { name: 'Phones' })]);
    expect(text(findingById(doc, 'peer-missing:mob:mobile-device'))).toBe(
      'Phones (mobile device) has no link to an enrollment proxy point or Microsoft Intune',
    );
  });
});
