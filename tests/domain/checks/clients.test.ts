import type { TopologyDocument } from '@/domain/document';
import { makeDocument, makeHost } from '../../builders';
import { applyAndRecheck, check, extend, findingById, findingsOf, healthyPrimary, text } from './support';

/** `document` without the link between hosts `a` and `b`. */
function unlink(document: TopologyDocument, a: string, b: string): TopologyDocument {
  return {
    ...document,
    links: document.links.filter(
      (l) => !((l.source === a && l.target === b) || (l.source === b && l.target === a)),
    ),
  };
}

describe('clients that reach no management point', () => {
  it('is an error, fixed by a link to the management point of their site', () => {
    const doc = unlink(healthyPrimary(), 'cl', 'mp');
    const finding = findingById(doc, 'client-management-point-missing:cl');
    expect(finding.severity).toBe('error');
    expect(text(finding)).toContain('Clients');
    expect(finding.fix).toMatchObject({ kind: 'add-link', source: 'cl', target: 'mp' });
    applyAndRecheck(doc, 'client-management-point-missing:cl');
  });

  it('adds a management point linked to clients, site server and site database when the site has none', () => {
    const doc = makeDocument(
      [
        makeHost('ss', ['site-server', 'sql-server', 'distribution-point'], { site: 'P01' }),
        makeHost('cl', ['client'], { site: 'P01' }),
      ],
      [['cl', 'ss']],
    );
    const finding = findingById(doc, 'client-management-point-missing:cl');
    expect(finding.ghost).toEqual({ source: 'cl', missingRole: 'management-point' });
    expect(finding.fix).toMatchObject({ kind: 'add-host', role: 'management-point', linkTo: ['cl', 'ss'] });
    const fixed = applyAndRecheck(doc, 'client-management-point-missing:cl');
    expect(check(fixed).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('is quiet when clients link to a management point, or the management point is on their host', () => {
    expect(findingsOf(healthyPrimary(), 'client-management-point-missing')).toEqual([]);
    const local = makeDocument([makeHost('cl', ['client', 'management-point'])]);
    expect(findingsOf(local, 'client-management-point-missing')).toEqual([]);
  });
});

describe('clients that reach no distribution point', () => {
  it('is an error, fixed by a link to the distribution point', () => {
    const doc = unlink(healthyPrimary(), 'cl', 'dp');
    expect(findingById(doc, 'client-distribution-point-missing:cl').severity).toBe('error');
    applyAndRecheck(doc, 'client-distribution-point-missing:cl');
  });

  it('is quiet when clients reach a cloud distribution point instead', () => {
    const doc = extend(
      unlink(healthyPrimary(), 'cl', 'dp'),
      [makeHost('cdp', ['cloud-distribution-point'], { site: 'P01' })],
      [
        ['cl', 'cdp'],
        ['ss', 'cdp'],
      ],
    );
    expect(findingsOf(doc, 'client-distribution-point-missing')).toEqual([]);
  });
});

describe('a software update point with no upstream', () => {
  const withSup = (links: readonly (readonly [string, string])[], more = [makeHost('net', ['internet'])]) =>
    extend(
      healthyPrimary(),
      [makeHost('sup', ['software-update-point'], { site: 'P01' }), ...more],
      [['ss', 'sup'], ...links],
    );

  it('is a warning when clients use it, fixed by a link to the internet', () => {
    const doc = withSup([['cl', 'sup']]);
    const finding = findingById(doc, 'update-point-upstream-missing:sup');
    expect(finding.severity).toBe('warning');
    expect(finding.fix).toMatchObject({ kind: 'add-link', source: 'sup', target: 'net' });
    applyAndRecheck(doc, 'update-point-upstream-missing:sup');
  });

  it('prefers an upstream WSUS server the topology has, and adds an internet host when there is nothing', () => {
    const upstream = withSup(
      [['cl', 'sup']],
      [makeHost('up', ['wsus-upstream']), makeHost('net', ['internet'])],
    );
    expect(findingById(upstream, 'update-point-upstream-missing:sup').fix).toMatchObject({ target: 'up' });
    const none = withSup([['cl', 'sup']], []);
    expect(findingById(none, 'update-point-upstream-missing:sup').fix).toMatchObject({
      kind: 'add-host',
      role: 'internet',
      linkTo: ['sup'],
    });
    applyAndRecheck(none, 'update-point-upstream-missing:sup');
  });

  it('is quiet with an upstream WSUS server or the internet linked, or when no client uses it', () => {
    expect(
      findingsOf(
        withSup([
          ['cl', 'sup'],
          ['sup', 'net'],
        ]),
        'update-point-upstream-missing',
      ),
    ).toEqual([]);
    const upstream = withSup(
      [
        ['cl', 'sup'],
        ['sup', 'up'],
      ],
      [makeHost('up', ['wsus-upstream'])],
    );
    expect(findingsOf(upstream, 'update-point-upstream-missing')).toEqual([]);
    expect(findingsOf(withSup([]), 'update-point-upstream-missing')).toEqual([]);
  });
});

describe('a PXE-enabled distribution point that clients cannot reach', () => {
  const pxe = (links: readonly (readonly [string, string])[]) =>
    extend(
      healthyPrimary(),
      [makeHost('pxe', ['distribution-point'], { site: 'P01', options: { pxe: true } })],
      [['ss', 'pxe'], ...links],
    );

  it('is a warning naming the PXE ports, fixed by a link from the clients of its site', () => {
    const doc = pxe([]);
    const finding = findingById(doc, 'pxe-point-unreachable:pxe');
    expect(finding.severity).toBe('warning');
    expect(text(finding)).toContain('UDP 67, 68, 69, and 4011');
    expect(finding.sections).toEqual(['BKMK_PortsClient-DP3']);
    expect(finding.fix).toMatchObject({ kind: 'add-link', source: 'cl', target: 'pxe' });
    applyAndRecheck(doc, 'pxe-point-unreachable:pxe');
  });

  it('has a ghost but no fix when the site has no clients', () => {
    const doc = makeDocument(
      [
        makeHost('ss', ['site-server', 'sql-server'], { site: 'P01' }),
        makeHost('pxe', ['distribution-point'], { site: 'P01', options: { pxe: true } }),
      ],
      [['ss', 'pxe']],
    );
    const finding = findingById(doc, 'pxe-point-unreachable:pxe');
    expect(finding.ghost).toEqual({ source: 'pxe', missingRole: 'client' });
    expect(finding.fix).toBeUndefined();
  });

  it('is quiet when clients link to it, and for distribution points without PXE', () => {
    expect(findingsOf(pxe([['cl', 'pxe']]), 'pxe-point-unreachable')).toEqual([]);
    const plain = extend(
      healthyPrimary(),
      [makeHost('dp2', ['distribution-point'], { site: 'P01' })],
      [['ss', 'dp2']],
    );
    expect(findingsOf(plain, 'pxe-point-unreachable')).toEqual([]);
  });
});

describe('a console with no SMS provider', () => {
  it('is an error, fixed by a link to the SMS provider', () => {
    const doc = extend(healthyPrimary(), [makeHost('con2', ['console'], { name: 'Console 2' })]);
    const finding = findingById(doc, 'console-provider-missing:con2');
    expect(finding.severity).toBe('error');
    expect(finding.fix).toMatchObject({ kind: 'add-link', source: 'con2', target: 'ss' });
    applyAndRecheck(doc, 'console-provider-missing:con2');
  });

  it('adds the provider role to the linked site server when the topology has no provider', () => {
    const doc = makeDocument(
      [makeHost('ss', ['site-server', 'sql-server'], { site: 'P01' }), makeHost('con', ['console'])],
      [['con', 'ss']],
    );
    const finding = findingById(doc, 'console-provider-missing:con');
    expect(finding.fix).toMatchObject({ kind: 'add-role', host: 'ss', role: 'sms-provider' });
    applyAndRecheck(doc, 'console-provider-missing:con');
  });

  it('adds a provider host when the console is linked to no site server and there is no provider', () => {
    const doc = makeDocument([
      makeHost('ss', ['site-server', 'sql-server'], { site: 'P01' }),
      makeHost('con', ['console']),
    ]);
    const finding = findingById(doc, 'console-provider-missing:con');
    expect(finding.fix).toMatchObject({ kind: 'add-host', role: 'sms-provider', linkTo: ['con', 'ss'] });
    const fixed = applyAndRecheck(doc, 'console-provider-missing:con');
    expect(check(fixed).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('is quiet when the console links to a provider', () => {
    expect(findingsOf(healthyPrimary(), 'console-provider-missing')).toEqual([]);
  });
});
