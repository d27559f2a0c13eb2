import type { Rule, RuleCondition } from '@/domain/catalogue-types';
import { deriveFlows } from '@/domain/derive';
import type { HostOptions } from '@/domain/document';
import { loadEdition } from '@/domain/editions';
import { formatPort } from '@/domain/flow';
import { defaultSettings } from '@/domain/settings';
import { makeHost, makeLink } from '../builders';

/**
 * Section by section, each edition derives exactly its rows on a two-host topology: host A holds
 * the section's initiating role, host B its answering role, linked once. The expected rows come
 * from the edition's catalogue (checked against the seed for 2018-de and against the English page,
 * by hand, in editions-current.test.ts), resolved the way the document reads: WSUS on its default
 * 8530/8531 (note 3), DYNAMIC as the RPC range (note 6), `<-->` and same-role sections both ways,
 * and the host options each section is about switched on (PXE, multicast, pull DP, classic CMG,
 * a named SQL instance).
 */
describe.each(['2018-de', 'current'] as const)('edition %s derives every section on two hosts', (id) => {
  const catalogue = loadEdition(id);
  const defaults = defaultSettings(catalogue);
  const settings = { ...defaults, flags: { ...defaults.flags, includeSiteInstallation: true } };
  const rpc = `${defaults.ranges.rpcDynamic!.from}-${defaults.ranges.rpcDynamic!.to}`;

  it.each(catalogue.sections.map((s) => [s.anchor, s] as const))('%s', (anchor, section) => {
    const rules = catalogue.rules.filter((r) => r.section === anchor);
    const has = (c: RuleCondition) => rules.some((r) => r.condition === c);
    const dp: HostOptions = {
      ...(anchor.endsWith('DP3') ? { pxe: true } : {}),
      ...(anchor.endsWith('DP2') ? { multicast: true } : {}),
    };
    const optionsFor = (role: string, initiator: boolean): HostOptions => ({
      ...(role === 'distribution-point' ? dp : {}),
      ...(role === 'distribution-point' && initiator && has('pull-dp') ? { pull: true } : {}),
      ...(role === 'cmg' && has('cmg-classic') ? { cmgClassic: true } : {}),
      ...(role === 'sql-server' && has('sql-named-instance') ? { sqlPort: 1433 } : {}),
    });
    const a = makeHost('A', [section.from], { options: optionsFor(section.from, true) });
    const b = makeHost('B', [section.to], { options: optionsFor(section.to, false) });
    // Written out here rather than asked of the engine, so a wrong condition in the engine fails.
    const holds = (rule: Rule, initiator: HostOptions): boolean => {
      switch (rule.condition) {
        case undefined:
          return true;
        case 'wsus-standard':
          return false; // the site default is 8530/8531
        case 'wsus-alternate':
          return true;
        case 'dp-pxe':
          return dp.pxe === true;
        case 'dp-multicast':
          return dp.multicast === true;
        case 'site-install-remote-sql':
          return true;
        case 'pull-dp':
          return initiator.pull === true; // read on the initiating DP: only a pull DP fetches
        case 'cmg-classic':
          return has('cmg-classic');
        case 'cmg-scale-set':
          return !has('cmg-classic');
        case 'sql-named-instance':
          return has('sql-named-instance');
      }
    };
    const both = section.bidirectional || section.from === section.to;
    const expected = new Set<string>();
    for (const rule of rules) {
      const port = rule.port === 'dynamic' ? rpc : String(rule.port);
      if (holds(rule, a.options)) expected.add(`A>B/${rule.protocol}/${port}`);
      if (both && holds(rule, b.options)) expected.add(`B>A/${rule.protocol}/${port}`);
    }
    const { flows } = deriveFlows({ hosts: [a, b], links: [makeLink('A', 'B')], settings }, catalogue);
    const derived = flows
      .filter((f) => f.sections.includes(anchor))
      .map((f) => `${f.initiator}>${f.responder}/${f.protocol}/${formatPort(f.port)}`);
    expect(derived.sort()).toEqual([...expected].sort());
    expect(expected.size, 'a section that derives nothing on its own hosts').toBeGreaterThan(0);
  });
});
