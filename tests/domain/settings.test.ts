import { catalogue } from '@/domain/default-catalogue';
import {
  checkWsusPair,
  defaultSettings,
  parsePort,
  parseRange,
  withPort,
  withPorts,
  withRange,
} from '@/domain/settings';
import { english, german } from '../support/words';

describe('site settings', () => {
  const defaults = defaultSettings(catalogue);

  it('has a default for every configurable port, range and flag of the catalogue', () => {
    expect(Object.keys(defaults.ports).sort()).toEqual(catalogue.portSettings.map((p) => p.key).sort());
    expect(defaults.ranges.rpcDynamic).toEqual({ from: 49152, to: 65535 });
    expect(defaults.ranges.multicast).toEqual({ from: 63000, to: 64000 });
    expect(defaults.flags.includeSiteInstallation).toBe(false);
  });

  it.each([0, 65536, -1, 'abc', 80.5, '80.5', '', ' ', '1e3', '0x50'])('refuses the port %j', (input) => {
    expect(parsePort(input).ok).toBe(false);
  });

  it.each([
    [1, 1],
    ['8080', 8080],
    [' 443 ', 443],
    [65535, 65535],
  ])('accepts the port %j', (input, value) => {
    expect(parsePort(input)).toEqual({ ok: true, value });
  });

  it('refuses ranges whose low end is above the high end, and accepts 1024-5000', () => {
    const low = parseRange('1000-999');
    expect(low.ok).toBe(false);
    expect(!low.ok && english(low.error)).toBe('low end 1000 is above high end 999');
    expect(!low.ok && german(low.error)).toBe('das untere Ende 1000 liegt über dem oberen Ende 999');
    expect(parseRange('1024-5000')).toEqual({ ok: true, value: { from: 1024, to: 5000 } });
    expect(parseRange({ from: 5, to: 5 })).toEqual({ ok: true, value: { from: 5, to: 5 } });
    expect(parseRange('10-70000').ok).toBe(false);
  });

  it('keeps the previous settings when a change is refused', () => {
    const refused = withPort(defaults, 'clientHttp', '0');
    expect(refused.ok).toBe(false);
    expect(defaults.ports.clientHttp).toBe(80);
    expect(withPort(defaults, 'nope', 80).ok).toBe(false);
    expect(withRange(defaults, 'rpcDynamic', '1000-999').ok).toBe(false);
  });

  it('checks the WSUS pair of note 3', () => {
    expect(checkWsusPair(80, 443)).toBeUndefined();
    expect(checkWsusPair(8530, 8531)).toBeUndefined();
    const why = (http: number, https: number) => {
      const problem = checkWsusPair(http, https);
      return problem && english(problem);
    };
    expect(why(80, 8531)).toMatch(/443/);
    expect(why(8530, 443)).toMatch(/custom HTTPS/);
    expect(withPort(defaults, 'wsusHttp', 80).ok).toBe(false);
    const both = withPorts(defaults, { wsusHttp: 80, wsusHttps: 443 });
    expect(both.ok && both.value.ports.wsusHttp === 80 && both.value.ports.wsusHttps === 443).toBe(true);
  });
});
