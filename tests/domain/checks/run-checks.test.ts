import { applyFix } from '@/domain/checks/apply-fix';
import { compareFindings, countFindings, type Finding, SEVERITIES } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { message } from '@/domain/message';
import { makeDocument, makeHost, makeLink } from '../../builders';
import { check, errorsAndWarnings, healthyPrimary } from './support';

/** Fixes built by hand: applyFix reads what they do, never their label. */
const NO_LABEL = message('checks:fix.addSiteServer');

/** A topology with something wrong in every family. */
function broken(): TopologyDocument {
  return makeDocument(
    [
      makeHost('ss', ['site-server'], {
        name: 'P01-SS',
        site: 'P01',
        options: { siteType: 'primary', parentSite: 'CAS' },
      }),
      makeHost('mp', ['management-point'], { name: 'P01-MP', site: 'P01', ip: '10.0.0.5' }),
      makeHost('dp', ['distribution-point'], {
        name: 'p01-mp ',
        site: 'P01',
        ip: '10.0.0.5',
        options: { pxe: true },
      }),
      makeHost('cl', ['client'], { name: 'Clients', site: 'P01' }),
      makeHost('con', ['console'], { name: 'Console' }),
      makeHost('epp', ['endpoint-protection-point'], { name: 'P01-EPP', site: 'P01' }),
      makeHost('s01', ['site-server', 'sql-server'], {
        name: 'S01',
        site: 'S01',
        options: { siteType: 'secondary' },
      }),
      makeHost('dc', ['domain-controller', 'future-role'], { name: 'DC' }),
      makeHost('net', ['internet'], { name: 'Internet' }),
    ],
    [makeLink('cl', 'mp', 'l1'), makeLink('dc', 'net', 'l2'), makeLink('ss', 'dp', 'l3')],
  );
}

describe('runChecks', () => {
  it('finds nothing but infos in a complete primary site', () => {
    expect(errorsAndWarnings(healthyPrimary())).toEqual([]);
  });

  it('sorts by severity, then message, and gives every finding a unique id', () => {
    const findings = check(broken());
    expect(findings.length).toBeGreaterThan(10);
    expect([...findings].sort(compareFindings)).toEqual(findings);
    const severities = findings.map((f) => SEVERITIES.indexOf(f.severity));
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(countFindings(findings).error).toBeGreaterThan(0);
  });

  it('is deterministic: the same findings whatever the order of hosts and links', () => {
    const doc = broken();
    const reversed = { ...doc, hosts: [...doc.hosts].reverse(), links: [...doc.links].reverse() };
    expect(check(reversed)).toEqual(check(doc));
    expect(check(doc)).toEqual(check(doc));
  });

  it('refers only to hosts and links of the document', () => {
    const doc = broken();
    const hostIds = new Set(doc.hosts.map((h) => h.id));
    const linkIds = new Set(doc.links.map((l) => l.id));
    for (const finding of check(doc)) {
      for (const id of finding.hosts) expect(hostIds.has(id)).toBe(true);
      for (const id of finding.links) expect(linkIds.has(id)).toBe(true);
      if (finding.ghost) expect(hostIds.has(finding.ghost.source)).toBe(true);
      if (finding.ghost && 'target' in finding.ghost) expect(hostIds.has(finding.ghost.target)).toBe(true);
    }
  });

  it('every fix of a broken topology removes its finding', () => {
    const doc = broken();
    const withFix = check(doc).filter((f): f is Finding & { fix: NonNullable<Finding['fix']> } => !!f.fix);
    expect(withFix.length).toBeGreaterThan(5);
    for (const finding of withFix) {
      const fixed = applyFix(doc, finding.fix, catalogue);
      expect(
        check(fixed).map((f) => f.id),
        finding.id,
      ).not.toContain(finding.id);
    }
  });

  it('applying fixes one after another converges on a topology with fewer errors', () => {
    let doc = broken();
    const before = countFindings(check(doc)).error;
    for (let round = 0; round < 30; round += 1) {
      const next = check(doc).find((f) => f.fix);
      if (!next?.fix) break;
      doc = applyFix(doc, next.fix, catalogue);
    }
    const after = check(doc);
    expect(after.filter((f) => f.fix)).toEqual([]);
    expect(countFindings(after).error).toBeLessThan(before);
  });

  it('uses the derivation it is given instead of deriving again', () => {
    const doc = healthyPrimary();
    const findings = runChecks(doc, catalogue, { flows: [], emptyLinks: [] });
    expect(findings.some((f) => f.check === 'rpc-dynamic-range')).toBe(false);
    expect(check(doc).some((f) => f.check === 'rpc-dynamic-range')).toBe(true);
  });
});

describe('applyFix', () => {
  const base = () =>
    makeDocument(
      [
        makeHost('ss', ['site-server'], { name: 'P01-SQL01', site: 'P01', zone: 'dc' }),
        makeHost('mp', ['management-point'], { site: 'P01', zone: 'dc' }),
      ],
      [makeLink('ss', 'mp', 'l7')],
      { zones: [{ id: 'dc', name: 'Datacenter' }] },
    );

  it('adds a link with a new id, and leaves the input unchanged', () => {
    const doc = makeDocument(
      [makeHost('a', ['client']), makeHost('b', ['management-point']), makeHost('c', ['distribution-point'])],
      [makeLink('a', 'c', 'l7')],
    );
    const snapshot = JSON.stringify(doc);
    const fixed = applyFix(doc, { kind: 'add-link', source: 'a', target: 'b', label: NO_LABEL }, catalogue);
    expect(fixed.links.at(-1)).toEqual({ id: 'l8', source: 'a', target: 'b' });
    expect(JSON.stringify(doc)).toBe(snapshot);
  });

  it('returns the document as it was when a fix no longer fits', () => {
    const doc = base();
    for (const fix of [
      { kind: 'add-link', source: 'ss', target: 'mp', label: NO_LABEL },
      { kind: 'add-link', source: 'mp', target: 'ss', label: NO_LABEL },
      { kind: 'add-link', source: 'ss', target: 'gone', label: NO_LABEL },
      { kind: 'add-role', host: 'gone', role: 'sms-provider', label: NO_LABEL },
      { kind: 'add-role', host: 'ss', role: 'site-server', label: NO_LABEL },
      { kind: 'add-role', host: 'ss', role: 'not-a-role', label: NO_LABEL },
      { kind: 'add-host', role: 'not-a-role', name: 'X', linkTo: [], label: NO_LABEL },
    ] as const) {
      expect(applyFix(doc, fix, catalogue)).toBe(doc);
    }
  });

  it('adds a role to a host', () => {
    const fixed = applyFix(
      base(),
      { kind: 'add-role', host: 'ss', role: 'sms-provider', label: NO_LABEL },
      catalogue,
    );
    expect(fixed.hosts[0]?.roles).toEqual(['site-server', 'sms-provider']);
  });

  it('adds a host with a unique id and name, its site and zone, linked and placed near its peers', () => {
    const doc = base();
    const fixed = applyFix(
      doc,
      {
        kind: 'add-host',
        role: 'sql-server',
        name: 'P01-SQL01',
        site: 'P01',
        linkTo: ['ss', 'mp', 'gone'],
        label: NO_LABEL,
      },
      catalogue,
    );
    const host = fixed.hosts.at(-1);
    expect(host).toEqual({
      id: 'sql-1',
      name: 'P01-SQL02',
      site: 'P01',
      zone: 'dc',
      roles: ['sql-server'],
      options: {},
    });
    expect(fixed.links.slice(1)).toEqual([
      { id: 'l8', source: 'sql-1', target: 'ss' },
      { id: 'l9', source: 'sql-1', target: 'mp' },
    ]);
    const at = fixed.layout['sql-1'];
    const ss = doc.layout.ss;
    const mp = doc.layout.mp;
    expect(at && ss && mp).toBeTruthy();
    if (at && ss && mp) {
      const centre = { x: (ss.x + mp.x) / 2, y: (ss.y + mp.y) / 2 };
      expect(Math.hypot(at.x - centre.x, at.y - centre.y)).toBeLessThan(800);
      for (const p of [ss, mp]) expect(Math.hypot(at.x - p.x, at.y - p.y)).toBeGreaterThanOrEqual(120);
    }
    const again = applyFix(
      fixed,
      { kind: 'add-host', role: 'sql-server', name: 'P01-SQL01', linkTo: [], label: NO_LABEL },
      catalogue,
    );
    expect(again.hosts.at(-1)).toMatchObject({ id: 'sql-2', name: 'P01-SQL03' });
  });

  it('gives external peers no zone and no site', () => {
    const fixed = applyFix(
      base(),
      { kind: 'add-host', role: 'internet', name: 'NET01', linkTo: ['mp'], label: NO_LABEL },
      catalogue,
    );
    expect(fixed.hosts.at(-1)).toEqual({ id: 'net-1', name: 'NET01', roles: ['internet'], options: {} });
  });

  it('places a host on an empty canvas at the origin', () => {
    const doc = makeDocument([]);
    const fixed = applyFix(
      doc,
      { kind: 'add-host', role: 'site-server', name: 'SS01', linkTo: [], label: NO_LABEL },
      catalogue,
    );
    expect(fixed.layout['ss-1']).toEqual({ x: 0, y: 0 });
  });
});
