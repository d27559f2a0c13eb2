import { describe, expect, it } from 'vitest';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { Host, HostOptions, TopologyDocument } from '@/domain/document';
import type { Flow } from '@/domain/flow';
import { syntheticHierarchy } from '../../bench/synthetic';
import { seededRandom } from '../support/random';

/** What a flow says, as plain data. */
const said = (flows: readonly Flow[]) =>
  flows.map((f) => [
    f.linkId,
    f.initiator,
    f.responder,
    f.protocol,
    f.port,
    f.service,
    f.ruleIds,
    f.settings,
  ]);

/** Roles lists and options objects that hosts share, as hosts read from a file do (parse-pack.ts). */
const ROLES: readonly (readonly string[])[] = [
  ['client'],
  ['distribution-point'],
  ['distribution-point', 'management-point'],
  ['software-update-point'],
  ['management-point'],
];
const OPTIONS: readonly HostOptions[] = [{}, { pxe: true }, { pxe: false }, { pxe: true, multicast: true }];

describe('the engine with hosts that share their roles lists and options objects', () => {
  it.each([1, 2, 3])(
    'derives what it derives of the same hosts each with lists of their own (seed %i)',
    (seed) => {
      const next = seededRandom(seed);
      const doc = syntheticHierarchy(600, catalogue);
      // Site servers and SQL servers keep theirs; every other host takes a shared list and object,
      // so hosts sharing a roles list differ in options, and alike ones share both.
      const keep = (h: Host) => h.roles.includes('site-server') || h.roles.includes('sql-server');
      const shared: TopologyDocument = {
        ...doc,
        hosts: doc.hosts.map((h) =>
          keep(h) ? h : { ...h, roles: ROLES[next(ROLES.length)]!, options: OPTIONS[next(OPTIONS.length)]! },
        ),
      };
      const own: TopologyDocument = {
        ...shared,
        hosts: shared.hosts.map((h) => ({ ...h, roles: [...h.roles], options: { ...h.options } })),
      };
      const flows = deriveFlows(shared, catalogue).flows;
      expect(flows.length).toBeGreaterThan(0);
      expect(said(flows)).toEqual(said(deriveFlows(own, catalogue).flows));
    },
  );
});
