/** Shared helpers of the check tests: run the checks, pick findings, prove a fix works. */
import { applyFix } from '@/domain/checks/apply-fix';
import type { CheckId, Finding } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { makeDocument, makeHost } from '../../builders';
import { english } from '../../support/words';

export function check(document: TopologyDocument): readonly Finding[] {
  return runChecks(document, catalogue);
}

/** The findings of one check. */
export function findingsOf(document: TopologyDocument, id: CheckId): Finding[] {
  return check(document).filter((f) => f.check === id);
}

/** The one finding with this id; fails the test when there is none. */
export function findingById(document: TopologyDocument, id: string): Finding {
  const finding = check(document).find((f) => f.id === id);
  if (!finding)
    throw new Error(
      `no finding ${id}; got ${check(document)
        .map((f) => f.id)
        .join(', ')}`,
    );
  return finding;
}

/**
 * Applies the finding's fix and returns the new document, after checking that the finding is gone
 * and that the fix raised no new error about the hosts it touched.
 */
export function applyAndRecheck(document: TopologyDocument, id: string): TopologyDocument {
  const finding = findingById(document, id);
  if (!finding.fix) throw new Error(`finding ${id} has no fix`);
  const fixed = applyFix(document, finding.fix, catalogue);
  expect(fixed).not.toBe(document);
  expect(check(fixed).map((f) => f.id)).not.toContain(id);
  return fixed;
}

export function errorsAndWarnings(document: TopologyDocument): Finding[] {
  return check(document).filter((f) => f.severity !== 'info');
}

/**
 * A small primary site P01 that passes every check: site server with its database and SMS
 * provider, a management point, a distribution point, clients and a console.
 */
export function healthyPrimary(): TopologyDocument {
  return makeDocument(
    [
      makeHost('ss', ['site-server', 'sql-server', 'sms-provider'], {
        name: 'P01-SS',
        site: 'P01',
        options: { siteType: 'primary' },
      }),
      makeHost('mp', ['management-point'], { name: 'P01-MP', site: 'P01' }),
      makeHost('dp', ['distribution-point'], { name: 'P01-DP', site: 'P01' }),
      makeHost('cl', ['client'], { name: 'Clients', site: 'P01' }),
      makeHost('con', ['console'], { name: 'Console' }),
    ],
    [
      ['ss', 'mp'],
      ['ss', 'dp'],
      ['cl', 'mp'],
      ['cl', 'dp'],
      ['con', 'ss'],
    ],
  );
}

/** Site P01 with its database on a separate SQL Server host (and nothing else). */
export function remoteSqlSite(): TopologyDocument {
  return makeDocument(
    [
      makeHost('ss', ['site-server', 'sms-provider'], { name: 'P01-SS', site: 'P01' }),
      makeHost('sql', ['sql-server'], { name: 'P01-SQL', site: 'P01' }),
    ],
    [['ss', 'sql']],
  );
}

/** `document` with more hosts and links. */
export function extend(
  document: TopologyDocument,
  hosts: TopologyDocument['hosts'],
  links: readonly (readonly [string, string])[] = [],
): TopologyDocument {
  const more = makeDocument([...document.hosts, ...hosts], links);
  return { ...document, hosts: more.hosts, links: [...document.links, ...more.links], layout: more.layout };
}

/** What the user reads of a finding, in English; fails the test when there is no finding. */
export function text(finding: Finding | undefined): string {
  if (!finding) throw new Error('no finding');
  return english(finding.message);
}
