import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { FlowPort } from '@/domain/flow';
import { consolidateZonePairs } from '@/domain/matrix/zone-pairs';
import { type FlowRow, flowsToRows } from '@/domain/rows';
import { rowWords } from '@/i18n/row-words';
import { makeDocument, makeHost } from '../builders';

const rows = (() => {
  const doc = makeDocument(
    [
      makeHost('ss', ['site-server', 'sql-server', 'sms-provider'], {
        zone: 'dc',
        options: { siteType: 'primary' },
      }),
      makeHost('dp', ['distribution-point'], { zone: 'br' }),
      makeHost('cl', ['client']),
    ],
    [
      ['ss', 'dp'],
      ['cl', 'dp'],
    ],
    {
      zones: [
        { id: 'dc', name: 'DC', cidrs: ['10.1.0.0/16'] },
        { id: 'br', name: 'Branch' },
      ],
    },
  );
  return flowsToRows(deriveFlows(doc, catalogue).flows, doc, rowWords(catalogue, 'en'));
})();

/** The same row with another port and protocol. */
const withPort = (row: FlowRow, protocol: 'TCP' | 'UDP', port: FlowPort): FlowRow => ({
  ...row,
  protocol,
  port,
});

describe('consolidateZonePairs', () => {
  it('merges the ports of a zone pair per protocol, keeps ranges, names the zones and their CIDRs', () => {
    const base = rows.find((r) => r.sourceZoneId === 'dc' && r.targetZoneId === 'br')!;
    const pairs = consolidateZonePairs([
      withPort(base, 'TCP', { kind: 'single', port: 445 }),
      withPort(base, 'TCP', { kind: 'range', from: 49152, to: 65535 }),
      withPort(base, 'TCP', { kind: 'single', port: 49152 }),
      withPort(base, 'UDP', { kind: 'single', port: 68 }),
      withPort(base, 'UDP', { kind: 'single', port: 67 }),
      withPort(base, 'TCP', { kind: 'single', port: 445 }),
    ]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({
      sourceZone: 'DC',
      sourceZoneCidrs: ['10.1.0.0/16'],
      targetZone: 'Branch',
      targetZoneCidrs: [],
      portsText: 'TCP 445, 49152-65535; UDP 67, 68',
      flows: 6,
    });
  });

  it('keeps a host in no zone on one side, leaves out flows inside one zone and flows between no zones', () => {
    const pairs = consolidateZonePairs(rows);
    const names = pairs.map((p) => `${p.sourceZoneId || '-'}>${p.targetZoneId || '-'}`);
    expect(names).toContain('->br');
    expect(names).not.toContain('->-');
    expect(pairs.every((p) => p.sourceZoneId !== p.targetZoneId)).toBe(true);
    const inside = { ...rows[0]!, crossesZone: false };
    const nowhere = { ...rows[0]!, sourceZoneId: '', targetZoneId: '', zonePair: '["",""]' };
    expect(consolidateZonePairs([inside, nowhere])).toEqual([]);
  });
});
