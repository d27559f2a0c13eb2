import { createChecker } from '@/domain/checks/checker';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { formatPort } from '@/domain/flow';
import { flowKeyOf } from '@/domain/results/link-results';
import { smallTopology } from '../../export/ps1-support';
import { english, german } from '../../support/words';
import { findingsOf } from './support';

const document = smallTopology();
const flows = deriveFlows(document, catalogue).flows;
const provLink = document.links.find((l) => l.source === 'admin')?.id ?? '';
const provFlows = flows.filter((f) => f.linkId === provLink);

function withResults(results: TopologyDocument['results']): TopologyDocument {
  return { ...document, results };
}

describe('blocked flows in the checks', () => {
  it('lists each link with blocked flows once, as an error naming the protocols, ports and hosts', () => {
    const [first, second] = provFlows;
    if (!first || !second) throw new Error('the provider link needs two flows');
    const doc = withResults({ [flowKeyOf(first)]: 'blocked', [flowKeyOf(second)]: 'blocked' });
    const found = findingsOf(doc, 'flow-blocked');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: `flow-blocked:${provLink}`,
      severity: 'error',
      hosts: ['admin', 'prov'],
      links: [provLink],
    });
    expect(found[0]?.sections?.length).toBeGreaterThan(0);
    const text = english(found[0]!.message);
    expect(text).toMatch(/^The connectivity test found 2 flows blocked on the link ADMIN – PROV01: /);
    expect(text).toContain(`${first.protocol} ${formatPort(first.port)} from ADMIN to PROV01`);
    expect(text).toContain(`${second.protocol} ${formatPort(second.port)} from ADMIN to PROV01`);
    expect(german(found[0]!.message)).toMatch(/^Der Verbindungstest fand 2 Datenflüsse .* blockiert: /);
  });

  it('says nothing about verified flows, results of vanished flows, or a document without results', () => {
    const gone = '["gone","admin","prov","TCP","1"]';
    const doc = withResults({ [flowKeyOf(provFlows[0]!)]: 'verified', [gone]: 'blocked' });
    expect(findingsOf(doc, 'flow-blocked')).toEqual([]);
    expect(findingsOf(document, 'flow-blocked')).toEqual([]);
  });

  it('is found by the incremental checker when only the results change', () => {
    const checker = createChecker(catalogue);
    const derivation = deriveFlows(document, catalogue);
    const before = checker.check(document, derivation);
    expect(before.some((f) => f.check === 'flow-blocked')).toBe(false);
    const doc = withResults({ [flowKeyOf(provFlows[0]!)]: 'blocked' });
    const after = checker.check(doc, derivation, before);
    expect(after).toEqual(runChecks(doc, catalogue, derivation));
    expect(after.filter((f) => f.check === 'flow-blocked')).toHaveLength(1);
  });
});
