import { createChecker } from '@/domain/checks/checker';
import { HostSets } from '@/domain/checks/estate-reuse';
import type { Finding } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import { type Derivation, deriveFlows } from '@/domain/derive';
import type { Host, Link, TopologyDocument } from '@/domain/document';
import { flowKeyOf } from '@/domain/results/link-results';
import { makeDocument, makeHost, makeLink } from '../../builders';
import { smallTopology } from '../../export/ps1-support';
import { healthyPrimary, remoteSqlSite } from './support';

/**
 * The incremental checker runs an estate-wide family only when an edit may change its findings.
 * Each case is an edit that changes one family's findings while it changes no host those findings
 * named: the family's gate alone must see it. The random edits of `checker-incremental` reach
 * these cases rarely.
 */

/** Checks each document after the last, as the app does, and compares with a run from scratch. */
function follow(first: TopologyDocument, ...next: TopologyDocument[]): (readonly Finding[])[] {
  const checker = createChecker(catalogue);
  let derivation: Derivation = deriveFlows(first, catalogue);
  let last = checker.check(first, derivation);
  const out = [last];
  for (const doc of next) {
    derivation = deriveFlows(doc, catalogue, derivation);
    last = checker.check(doc, derivation, last);
    expect(last).toEqual(runChecks(doc, catalogue, derivation));
    out.push(last);
  }
  return out;
}

const ids = (findings: readonly Finding[]) => findings.map((f) => f.id);
const withLinks = (doc: TopologyDocument, links: readonly Link[]) => ({ ...doc, links });
const replaceHost = (doc: TopologyDocument, id: string, patch: Partial<Host>) => ({
  ...doc,
  hosts: doc.hosts.map((h) => (h.id === id ? { ...h, ...patch } : h)),
});

describe('the estate-wide checks an edit runs again', () => {
  it('sees a link between two site servers come and go (hierarchy)', () => {
    const start = makeDocument([
      makeHost('p', ['site-server', 'sql-server'], { site: 'P01', options: { siteType: 'primary' } }),
      makeHost('s', ['site-server', 'sql-server'], {
        site: 'S01',
        options: { siteType: 'secondary', parentSite: 'P01' },
      }),
    ]);
    const linked = withLinks(start, [makeLink('s', 'p')]);
    const [before, after, again] = follow(start, linked, start);
    const id = 'site-to-site-link-missing:S01:P01';
    expect(ids(before!)).toContain(id);
    expect(ids(after!)).not.toContain(id);
    expect(ids(again!)).toContain(id);
  });

  it('sees the link notes change with no host changed (notes)', () => {
    const site = remoteSqlSite();
    const [before, after] = follow(withLinks(site, []), site);
    expect(ids(before!)).not.toContain('site-installation-ports');
    expect(ids(after!)).toContain('site-installation-ports');
  });

  it('sees a new empty link between hosts it named nowhere (hygiene)', () => {
    const start = makeDocument([
      makeHost('dc', ['domain-controller'], { name: 'DC01' }),
      makeHost('net', ['internet'], { name: 'NET' }),
    ]);
    const empty = makeLink('dc', 'net', 'empty');
    const [before, after] = follow(start, withLinks(start, [empty]));
    expect(ids(before!)).not.toContain('empty-link:empty');
    expect(ids(after!)).toContain('empty-link:empty');
  });

  it('sees a host take an address another host has (hygiene)', () => {
    const start = replaceHost(healthyPrimary(), 'mp', { ip: '10.0.0.1' });
    const [before, after] = follow(start, replaceHost(start, 'dp', { ip: '10.0.0.1' }));
    expect(ids(before!)).not.toContain('duplicate-ip:10.0.0.1');
    expect(ids(after!)).toContain('duplicate-ip:10.0.0.1');
  });

  it('sees a host of a site without a server become a site member by a role (sites)', () => {
    const outside = makeHost('x', ['internet'], { name: 'X', site: 'P02' });
    const start = { ...healthyPrimary(), hosts: [...healthyPrimary().hosts, outside] };
    const [before, after] = follow(start, replaceHost(start, 'x', { roles: ['client'] }));
    expect(ids(before!)).not.toContain('site-without-site-server:P02');
    expect(ids(after!)).toContain('site-without-site-server:P02');
  });

  it('sees a link come whose flows a test found blocked (test results)', () => {
    const full = smallTopology();
    const link = full.links.find((l) => l.source === 'admin') as Link;
    const flow = deriveFlows(full, catalogue).flows.find((f) => f.linkId === link.id);
    if (!flow) throw new Error('the provider link needs a flow');
    const results = { [flowKeyOf(flow)]: 'blocked' as const };
    const start = {
      ...withLinks(
        full,
        full.links.filter((l) => l !== link),
      ),
      results,
    };
    const [before, after] = follow(start, { ...full, results });
    expect(ids(before!)).not.toContain(`flow-blocked:${link.id}`);
    expect(ids(after!)).toContain(`flow-blocked:${link.id}`);
  });

  it('sees a client link make a PXE point serve (note 4)', () => {
    const full = smallTopology();
    const start = withLinks(
      full,
      full.links.filter((l) => !(l.source === 'lab' && l.target === 'dp')),
    );
    const [before, after] = follow(start, full);
    expect(ids(before!)).not.toContain('pxe-tftp-reply');
    expect(ids(after!)).toContain('pxe-tftp-reply');
  });

  it('sees a port set away from its default (settings)', () => {
    const start = healthyPrimary();
    const { settings } = start;
    const ranges = { ...settings.ranges, multicast: { from: 64000, to: 64100 } };
    const [before, after] = follow(start, { ...start, settings: { ...settings, ranges } });
    expect(ids(before!)).not.toContain('custom-ports');
    expect(ids(after!)).toContain('custom-ports');
  });

  it('sees a host take the update point role with no link (notes)', () => {
    const start = { ...healthyPrimary(), hosts: [...healthyPrimary().hosts, makeHost('up', ['console'])] };
    const [before, after] = follow(start, replaceHost(start, 'up', { roles: ['software-update-point'] }));
    expect(ids(before!).some((id) => id.startsWith('wsus-ports:'))).toBe(false);
    expect(ids(after!).some((id) => id.startsWith('wsus-ports:'))).toBe(true);
  });

  it('runs a family again when one of its findings names a changed host (an empty link)', () => {
    const start = makeDocument(
      [
        makeHost('dc', ['domain-controller'], { name: 'DC01' }),
        makeHost('net', ['internet'], { name: 'NET' }),
      ],
      [makeLink('dc', 'net', 'empty')],
    );
    const [before, after] = follow(start, replaceHost(start, 'net', { roles: ['internet', 'no-such-role'] }));
    const message = (list: readonly Finding[]) => list.find((f) => f.id === 'empty-link:empty')?.message;
    expect(message(after!)).toBeDefined();
    expect(message(after!)).not.toEqual(message(before!));
  });
});

describe('HostSets.named', () => {
  const finding = (id: string, hosts: string[], links: string[] = []): Finding => ({
    id,
    check: 'duplicate-host-name',
    severity: 'warning',
    message: { key: 'checks:duplicateHostName' },
    hosts,
    links,
  });
  const many = Array.from({ length: 40 }, (_, i) => `h${i}`);

  it('finds a changed host or link in short and long lists alike', () => {
    const sets = new HostSets();
    const findings = [finding('a', ['x', 'y'], ['l1']), finding('b', many, ['l2'])];
    expect(sets.named(findings, new Set(['y']))).toBe(true);
    expect(sets.named(findings, new Set(['l1']))).toBe(true);
    expect(sets.named(findings, new Set(['h39']))).toBe(true);
    expect(sets.named(findings, new Set(['l2']))).toBe(true);
    expect(sets.named(findings, new Set(['z', 'l3']))).toBe(false);
    expect(sets.named(findings, new Set())).toBe(false);
    expect(sets.named([], new Set(['x']))).toBe(false);
  });
});
