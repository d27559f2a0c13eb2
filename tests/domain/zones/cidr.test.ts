import { describe, expect, it } from 'vitest';
import { checkCidr, ipInCidr, zoneForIp } from '@/domain/zones/cidr';
import { english, german } from '../../support/words';

describe('ipInCidr', () => {
  it('matches IPv4 addresses and subnets inside a range', () => {
    expect(ipInCidr('10.1.2.3', '10.1.0.0/16')).toBe(true);
    expect(ipInCidr('10.2.0.1', '10.1.0.0/16')).toBe(false);
    expect(ipInCidr('10.1.4.0/24', '10.1.0.0/16')).toBe(true);
    expect(ipInCidr('10.0.0.0/8', '10.1.0.0/16')).toBe(false);
    expect(ipInCidr('192.168.1.1', '0.0.0.0/0')).toBe(true);
    expect(ipInCidr('10.1.2.3', '10.1.2.3')).toBe(true);
  });

  it('matches IPv6 and never mixes families', () => {
    expect(ipInCidr('fd00::1', 'fd00::/8')).toBe(true);
    expect(ipInCidr('2001:db8::5', '2001:db8:0:1::/64')).toBe(false);
    expect(ipInCidr('2001:db8:0:1::5', '2001:db8:0:1::/64')).toBe(true);
    expect(ipInCidr('10.0.0.1', 'fd00::/8')).toBe(false);
    expect(ipInCidr('::ffff:10.0.0.1', '::ffff:10.0.0.0/120')).toBe(true);
  });

  it('is false for text that is not an address', () => {
    expect(ipInCidr('server01', '10.0.0.0/8')).toBe(false);
    expect(ipInCidr('10.0.0.1', 'nonsense')).toBe(false);
  });
});

describe('zoneForIp', () => {
  const zones = [
    { id: 'dc', name: 'Datacenter', cidrs: ['10.0.0.0/8'] },
    { id: 'dmz', name: 'DMZ', cidrs: ['10.1.2.0/24', '172.16.0.0/12'] },
  ];
  it('prefers the most specific range', () => {
    expect(zoneForIp('10.1.2.3', zones)?.id).toBe('dmz');
    expect(zoneForIp('10.9.9.9', zones)?.id).toBe('dc');
    expect(zoneForIp('172.20.0.1', zones)?.id).toBe('dmz');
    expect(zoneForIp('192.168.0.1', zones)).toBeUndefined();
    expect(zoneForIp(undefined, zones)).toBeUndefined();
  });
});

describe('checkCidr', () => {
  it('wants an address with a prefix length', () => {
    expect(checkCidr('10.0.0.0/8')).toBeUndefined();
    const reason = (cidr: string) => {
      const why = checkCidr(cidr);
      return why && english(why);
    };
    expect(reason('10.0.0.1')).toMatch(/no prefix length/);
    expect(reason('10.0.0.0/33')).toMatch(/prefix/);
    expect(reason('10.0.0.0/33')).toBe('prefix /33 is not 0–32');
    expect(reason('10.0.0.1/8/8')).toBe('"10.0.0.1/8/8" has more than one "/"');
    expect(reason('10.0.0.300/8')).toBe('"10.0.0.300" is not an IPv4 or IPv6 address');
  });

  it('says in German why a range is refused', () => {
    const german_ = (cidr: string) => {
      const why = checkCidr(cidr);
      return why && german(why);
    };
    expect(german_('10.0.0.1')).toBe('„10.0.0.1“ hat keine Präfixlänge (wie /24)');
    expect(german_('fd00::/129')).toBe('das Präfix /129 liegt nicht zwischen 0 und 128');
    expect(german_('10.0.0.300/8')).toBe('„10.0.0.300“ ist keine IPv4- oder IPv6-Adresse');
  });
});
