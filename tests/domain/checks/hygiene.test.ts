import fc from 'fast-check';
import { comparableName, uniqueHostName } from '@/domain/checks/host-names';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import { makeDocument, makeHost, makeLink } from '../../builders';
import { english, german } from '../../support/words';
import { extend, findingById, findingsOf, healthyPrimary, text } from './support';

describe('a link that carries no flow', () => {
  it('is a warning naming both hosts and their roles', () => {
    const doc = makeDocument(
      [
        makeHost('dc', ['domain-controller'], { name: 'DC01' }),
        makeHost('net', ['internet'], { name: 'NET' }),
      ],
      [makeLink('dc', 'net', 'l1')],
    );
    const finding = findingById(doc, 'empty-link:l1');
    expect(finding.severity).toBe('warning');
    expect(finding.links).toEqual(['l1']);
    expect(finding.hosts).toEqual(['dc', 'net']);
    expect(text(finding)).toBe(
      'The link DC01 – NET carries no flow: no rule of the port document joins domain controller with internet',
    );
  });

  it('comes from the derivation it is given', () => {
    const doc = healthyPrimary();
    const first = doc.links[0]?.id ?? '';
    const findings = runChecks(doc, catalogue, { flows: [], emptyLinks: [first] });
    expect(findings.filter((f) => f.check === 'empty-link').map((f) => f.id)).toEqual([
      `empty-link:${first}`,
    ]);
  });

  it('is quiet for links that carry flows', () => {
    expect(findingsOf(healthyPrimary(), 'empty-link')).toEqual([]);
  });
});

describe('duplicate host names', () => {
  it.each([
    ['web01', 'WEB01 '],
    ['web01', ' web01'],
    ['web 01', 'WEB01'],
    ['Web\u00a001', 'web01'],
    ['web\u200b01', 'web01'],
  ])('%j and %j are a warning', (a, b) => {
    const doc = makeDocument([
      makeHost('a', ['client'], { name: a }),
      makeHost('b', ['client'], { name: b }),
    ]);
    const found = findingsOf(doc, 'duplicate-host-name');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.hosts.slice().sort()).toEqual(['a', 'b']);
    expect(found[0]?.id).toBe('duplicate-host-name:a+b');
  });

  it('is quiet for different names', () => {
    const doc = makeDocument([makeHost('a', [], { name: 'web01' }), makeHost('b', [], { name: 'web02' })]);
    expect(findingsOf(doc, 'duplicate-host-name')).toEqual([]);
  });

  it('compares names without case and whitespace, and suggests free names', () => {
    expect(comparableName(' WEB 01\t')).toBe('web01');
    const hosts = [makeHost('a', [], { name: 'P01-SQL01' }), makeHost('b', [], { name: 'p01-sql02 ' })];
    expect(uniqueHostName('P01-SQL01', hosts)).toBe('P01-SQL03');
    expect(uniqueHostName('Internet', [makeHost('n', [], { name: 'internet' })])).toBe('Internet 2');
    expect(uniqueHostName('MP01', hosts)).toBe('MP01');
  });

  it('reads any name as its definition does: NFKC, lower case, no whitespace or zero-width marks', () => {
    const defined = (name: string) =>
      name
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
    const pieces = fc.oneof(
      fc.constantFrom(
        'WEB',
        'web',
        '01',
        ' ',
        '\t',
        '\u200b',
        '\ufeff',
        'Ｗ',
        'ﬁ',
        'İ',
        'Σ',
        '-',
        '~',
        '\u007f',
        '\u00a0',
      ),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }),
        (p) => comparableName(p.join('')) === defined(p.join('')),
      ),
      { numRuns: 3000, seed: 18 },
    );
  });
});

describe('IP addresses', () => {
  it.each(['10.0.0.256', '1.2.3', '10.0.0.0/33', '::1/129'])('%s is an invalid address (error)', (ip) => {
    const doc = makeDocument([makeHost('a', ['client'], { ip })]);
    const finding = findingById(doc, 'invalid-ip:a');
    expect(finding.severity).toBe('error');
    expect(text(finding)).toContain('invalid IP address');
  });

  it("says why in the reader's language, in the words the inspector and restore use", () => {
    const doc = makeDocument([makeHost('a', ['client'], { name: 'PC01', ip: '10.0.0.256' })]);
    const { message } = findingById(doc, 'invalid-ip:a');
    expect(english(message)).toBe(
      'PC01 has an invalid IP address: "10.0.0.256" is not an IPv4 or IPv6 address',
    );
    expect(german(message)).toBe(
      'PC01 hat eine ungültige IP-Adresse: „10.0.0.256“ ist keine IPv4- oder IPv6-Adresse',
    );
    const prefix = findingById(
      makeDocument([makeHost('a', ['client'], { name: 'PC01', ip: '::1/129' })]),
      'invalid-ip:a',
    );
    expect(german(prefix.message)).toBe(
      'PC01 hat eine ungültige IP-Adresse: das Präfix /129 liegt nicht zwischen 0 und 128',
    );
  });

  it('two hosts with one address are a warning', () => {
    const doc = makeDocument([
      makeHost('a', ['client'], { name: 'A', ip: '10.0.0.5' }),
      makeHost('b', ['client'], { name: 'B', ip: ' 10.0.0.5' }),
    ]);
    const finding = findingById(doc, 'duplicate-ip:10.0.0.5');
    expect(finding.severity).toBe('warning');
    expect(finding.hosts).toEqual(['a', 'b']);
  });

  it('valid, distinct or missing addresses are fine', () => {
    const doc = makeDocument([
      makeHost('a', ['client'], { ip: '10.0.0.0/24' }),
      makeHost('b', ['client'], { ip: 'fd00::1' }),
      makeHost('c', ['client']),
      makeHost('d', ['client'], { ip: '' }),
    ]);
    expect([...findingsOf(doc, 'invalid-ip'), ...findingsOf(doc, 'duplicate-ip')]).toEqual([]);
  });
});

describe('roles', () => {
  it('an unknown role (from a newer catalogue) is a warning', () => {
    const doc = extend(healthyPrimary(), [makeHost('x', ['client', 'quantum-point'], { name: 'X' })]);
    const finding = findingById(doc, 'unknown-role:x');
    expect(finding.severity).toBe('warning');
    expect(text(finding)).toContain('"quantum-point"');
  });

  it('known roles raise nothing', () => {
    expect(findingsOf(healthyPrimary(), 'unknown-role')).toEqual([]);
  });

  it('a host without roles is a warning', () => {
    const doc = makeDocument([makeHost('x')]);
    expect(findingById(doc, 'host-without-roles:x').severity).toBe('warning');
    expect(findingsOf(healthyPrimary(), 'host-without-roles')).toEqual([]);
  });
});
