import { lacksIp } from '@/domain/checks/host-ip';
import { catalogue } from '@/domain/default-catalogue';
import { makeDocument, makeHost } from '../../builders';
import { english, german } from '../../support/words';
import { findingsOf } from './support';

const site = (ip?: string) =>
  makeHost('ss', ['site-server', 'sql-server', 'sms-provider'], {
    name: 'P01-SS',
    site: 'P01',
    options: { siteType: 'primary' },
    ...(ip ? { ip } : {}),
  });
const mp = (ip?: string) =>
  makeHost('mp', ['management-point'], { name: 'P01-MP', site: 'P01', ...(ip ? { ip } : {}) });

describe('lacksIp', () => {
  it('is true for a host with roles and no address, false with one or for an outside party', () => {
    expect(lacksIp(mp(), catalogue)).toBe(true);
    expect(lacksIp({ ...mp(), ip: '  ' }, catalogue)).toBe(true);
    expect(lacksIp(mp('10.1.0.20'), catalogue)).toBe(false);
    expect(lacksIp(makeHost('net', ['internet']), catalogue)).toBe(false);
    expect(lacksIp(makeHost('bare'), catalogue)).toBe(false);
  });
});

describe('the host-without-ip check', () => {
  it('warns about a linked host without an IP once the diagram has addresses, naming the host', () => {
    const doc = makeDocument([site('10.1.0.10'), mp()], [['ss', 'mp']]);
    const findings = findingsOf(doc, 'host-without-ip');
    expect(findings.map((f) => [f.id, f.severity, f.hosts])).toEqual([
      ['host-without-ip:mp', 'warning', ['mp']],
    ]);
    expect(english(findings[0]!.message)).toBe(
      'P01-MP has no IP address: the workbook says "IP missing" where its address belongs, and no firewall rule can name it',
    );
    expect(german(findings[0]!.message)).toMatch(/^P01-MP hat keine IP-Adresse: .*„IP fehlt“/);
  });

  it('leaves alone a host on no link, the Internet, and a sketch in which no host has an IP yet', () => {
    const unlinked = makeDocument([site('10.1.0.10'), mp()], []);
    expect(findingsOf(unlinked, 'host-without-ip')).toEqual([]);
    const internet = makeDocument(
      [site('10.1.0.10'), mp('10.1.0.20'), makeHost('net', ['internet'], { name: 'Internet' })],
      [
        ['ss', 'mp'],
        ['mp', 'net'],
      ],
    );
    expect(findingsOf(internet, 'host-without-ip')).toEqual([]);
    const sketch = makeDocument([site(), mp()], [['ss', 'mp']]);
    expect(findingsOf(sketch, 'host-without-ip')).toEqual([]);
  });

  it('goes away when the host gets its IP', () => {
    const doc = makeDocument([site('10.1.0.10'), mp('10.1.0.20')], [['ss', 'mp']]);
    expect(findingsOf(doc, 'host-without-ip')).toEqual([]);
  });
});
