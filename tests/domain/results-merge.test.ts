import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { flowKey } from '@/domain/firewall/flow-key';
import { countChecks, flowKeyOf, linkResults, mergeResults } from '@/domain/results/link-results';
import { rowsOfDocument, smallTopology } from '../export/ps1-support';

const document = smallTopology();
const flows = deriveFlows(document, catalogue).flows;
const rows = rowsOfDocument(document);
const ofLink = (linkId: string) => flows.filter((f) => f.linkId === linkId);
const linkOf = (a: string, b: string) => {
  const link = document.links.find((l) => l.source === a && l.target === b);
  if (!link) throw new Error(`no link ${a}-${b}`);
  return link.id;
};

describe('test results in the document', () => {
  it('gives a flow the key of its matrix row', () => {
    expect(flows.map(flowKeyOf).sort()).toEqual(rows.map(flowKey).sort());
  });

  it('merges an import: retested flows take the new result, others keep theirs', () => {
    const [a, b, c] = flows.map(flowKeyOf) as [string, string, string];
    const merged = mergeResults(
      { [a]: 'blocked', [b]: 'verified' },
      new Map([
        [a, 'verified'],
        [c, 'blocked'],
      ]),
    );
    expect(merged).toEqual({ [a]: 'verified', [b]: 'verified', [c]: 'blocked' });
    expect(mergeResults(undefined, new Map([[a, 'blocked']]))).toEqual({ [a]: 'blocked' });
  });

  it('returns the same results when an import changes nothing (no undo step)', () => {
    const [a] = flows.map(flowKeyOf) as [string];
    const current = { [a]: 'blocked' } as const;
    expect(mergeResults(current, new Map([[a, 'blocked']]))).toBe(current);
    expect(mergeResults(undefined, new Map())).toBeUndefined();
  });

  it('counts verified and blocked checks', () => {
    expect(
      countChecks(
        new Map([
          ['a', 'verified'],
          ['b', 'blocked'],
          ['c', 'verified'],
        ]),
      ),
    ).toEqual({
      verified: 2,
      blocked: 1,
    });
  });

  it('says per link: blocked when any flow is, verified when all are, nothing when some are untested', () => {
    const mpLink = linkOf('clients', 'mp');
    const dpLink = linkOf('lab', 'dp');
    const provLink = linkOf('admin', 'prov');
    const results = {
      ...Object.fromEntries(ofLink(mpLink).map((f) => [flowKeyOf(f), 'verified' as const])),
      [flowKeyOf(ofLink(dpLink)[0]!)]: 'blocked' as const,
      [flowKeyOf(ofLink(provLink)[0]!)]: 'verified' as const,
    };
    const byLink = linkResults(flows, results);
    expect(byLink.get(mpLink)).toMatchObject({
      state: 'verified',
      verified: ofLink(mpLink).length,
      blocked: [],
    });
    expect(byLink.get(dpLink)).toMatchObject({ state: 'blocked', blocked: [ofLink(dpLink)[0]] });
    expect(ofLink(provLink).length).toBeGreaterThan(1);
    expect(byLink.get(provLink)).toMatchObject({ state: undefined, verified: 1 });
    expect(byLink.has(linkOf('lab', 'mp'))).toBe(false);
  });

  it('does not count results of flows that are no longer derived', () => {
    const gone = flowKey({
      linkId: 'gone',
      sourceId: 'a',
      targetId: 'b',
      protocol: 'TCP',
      port: { kind: 'single', port: 1 },
    });
    expect(linkResults(flows, { [gone]: 'blocked' }).size).toBe(0);
    expect(linkResults(flows, undefined).size).toBe(0);
  });
});
