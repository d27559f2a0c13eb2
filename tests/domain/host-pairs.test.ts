import { readFileSync } from 'node:fs';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { FlowPort } from '@/domain/flow';
import { consolidateHostPairs, mergePorts, portInterval } from '@/domain/host-pairs';
import { readDocumentText } from '@/domain/restore';
import { type FlowRow, flowsToRows } from '@/domain/rows';
import { rowWords } from '@/i18n/row-words';

const single = (port: number): FlowPort => ({ kind: 'single', port });
const range = (from: number, to: number): FlowPort => ({ kind: 'range', from, to });

let counter = 0;
/** A matrix row; `port` is a number for a single port, `[from, to]` for a range. */
function row(
  partial: Omit<Partial<FlowRow>, 'port'> &
    Pick<FlowRow, 'sourceId' | 'targetId'> & { port: number | readonly [number, number] },
): FlowRow {
  counter += 1;
  const { port, ...rest } = partial;
  return {
    id: `F-${String(counter).padStart(4, '0')}`,
    source: partial.sourceId.toUpperCase(),
    sourceAddress: `${partial.sourceId}.corp.example`,
    sourceSite: 'P01',
    sourceZone: 'LAN',
    sourceRoles: '',
    target: partial.targetId.toUpperCase(),
    targetAddress: `${partial.targetId}.corp.example`,
    targetSite: 'P01',
    targetZone: 'DC',
    crossesZone: true,
    sourceZoneId: '',
    targetZoneId: '',
    zonePair: '["",""]',
    targetRoles: '',
    protocol: 'TCP',
    service: 'Web (HTTP/HTTPS)',
    direction: 'one-way',
    bothInitiate: false,
    configurable: false,
    notes: '',
    sections: ['BKMK_X'],
    sectionUrl: 'https://example.invalid/#bkmk_x',
    justification: '',
    serviceId: 'web',
    linkId: 'l1',
    highRisk: false,
    sourceFqdn: `${partial.sourceId}.corp.example`,
    sourceIp: '',
    sourceIpMissing: false,
    sourceZoneCidrs: [],
    targetFqdn: `${partial.targetId}.corp.example`,
    targetIp: '',
    targetIpMissing: false,
    targetZoneCidrs: [],
    sectionTitles: ['BKMK_X'],
    verified: 'untested',
    ...rest,
    port: typeof port === 'number' ? single(port) : range(port[0], port[1]),
  };
}

describe('portInterval', () => {
  it('reads single ports and ranges as values', () => {
    expect(portInterval(single(443))).toEqual({ from: 443, to: 443 });
    expect(portInterval(range(49152, 65535))).toEqual({ from: 49152, to: 65535 });
    expect(portInterval(single(69))).toEqual({ from: 69, to: 69 });
    expect(portInterval(single(0))).toEqual({ from: 0, to: 0 });
  });
  it('refuses what is not a port', () => {
    expect(portInterval(single(80.5))).toBeUndefined();
    expect(portInterval(single(70000))).toBeUndefined();
    expect(portInterval(single(-1))).toBeUndefined();
    expect(portInterval(range(1000, 999))).toBeUndefined();
    expect(portInterval(range(1, 70000))).toBeUndefined();
  });
});

describe('mergePorts', () => {
  it('sorts numerically and drops duplicates', () => {
    expect(
      mergePorts([
        { from: 10123, to: 10123 },
        { from: 443, to: 443 },
        { from: 80, to: 80 },
        { from: 443, to: 443 },
      ]),
    ).toEqual([
      { from: 80, to: 80 },
      { from: 443, to: 443 },
      { from: 10123, to: 10123 },
    ]);
  });
  it('folds ports inside or touching a range into it, keeps neighbouring singles apart', () => {
    expect(
      mergePorts([
        { from: 50000, to: 50000 },
        { from: 49152, to: 65535 },
        { from: 49151, to: 49151 },
        { from: 67, to: 67 },
        { from: 68, to: 68 },
        { from: 63000, to: 64000 },
      ]),
    ).toEqual([
      { from: 67, to: 67 },
      { from: 68, to: 68 },
      { from: 49151, to: 65535 },
    ]);
  });
  it('joins overlapping ranges', () => {
    expect(
      mergePorts([
        { from: 100, to: 200 },
        { from: 150, to: 300 },
        { from: 301, to: 310 },
      ]),
    ).toEqual([{ from: 100, to: 310 }]);
  });
});

describe('consolidateHostPairs', () => {
  it('gives one row per directed host pair, ports merged per protocol, TCP before UDP', () => {
    const rows = [
      row({ sourceId: 'client', targetId: 'mp', port: 10123 }),
      row({ sourceId: 'client', targetId: 'dp', protocol: 'UDP', port: 69, service: 'PXE' }),
      row({ sourceId: 'client', targetId: 'mp', port: 80 }),
      row({ sourceId: 'client', targetId: 'dp', port: 443 }),
      row({ sourceId: 'mp', targetId: 'client', port: 80 }),
      row({ sourceId: 'client', targetId: 'mp', port: 443, service: 'Client notification' }),
      row({ sourceId: 'client', targetId: 'mp', port: 80 }),
    ];
    const pairs = consolidateHostPairs(rows);
    expect(pairs.map((p) => `${p.sourceId}>${p.targetId}`)).toEqual(['client>mp', 'client>dp', 'mp>client']);
    const [mp, dp, back] = pairs;
    expect(mp?.portsText).toBe('TCP 80, 443, 10123');
    expect(mp?.services).toEqual(['Web (HTTP/HTTPS)', 'Client notification']);
    expect(mp?.ruleIds).toEqual([rows[0]?.id, rows[2]?.id, rows[5]?.id, rows[6]?.id]);
    expect(mp?.source).toBe('CLIENT');
    expect(mp?.targetAddress).toBe('mp.corp.example');
    expect(dp?.portsText).toBe('TCP 443; UDP 69');
    expect(dp?.protocols.map((p) => p.protocol)).toEqual(['TCP', 'UDP']);
    expect(back?.portsText).toBe('TCP 80');
  });

  it('marks a pair high risk when any of its flows opens the RPC dynamic range', () => {
    const pairs = consolidateHostPairs([
      row({ sourceId: 'site', targetId: 'dc', port: 135 }),
      row({ sourceId: 'site', targetId: 'dc', port: [49152, 65535], highRisk: true }),
      row({ sourceId: 'site', targetId: 'mp', port: 445 }),
    ]);
    expect(pairs[0]).toMatchObject({ portsText: 'TCP 135, 49152-65535', highRisk: true });
    expect(pairs[1]?.highRisk).toBe(false);
  });

  it('keeps hosts with the same name apart (keyed by id)', () => {
    const pairs = consolidateHostPairs([
      row({ sourceId: 'a', targetId: 'b', source: 'SAME', port: 80 }),
      row({ sourceId: 'c', targetId: 'b', source: 'SAME', port: 443 }),
    ]);
    expect(pairs).toHaveLength(2);
  });

  it('keeps a port that is not a valid port, as written, instead of dropping it', () => {
    const pairs = consolidateHostPairs([
      row({ sourceId: 'a', targetId: 'b', port: 80 }),
      row({ sourceId: 'a', targetId: 'b', port: [1000, 999] }),
      row({ sourceId: 'a', targetId: 'b', port: [1000, 999] }),
    ]);
    expect(pairs[0]?.portsText).toBe('TCP 80, 1000-999');
  });

  it('returns nothing for no rows', () => {
    expect(consolidateHostPairs([])).toEqual([]);
  });

  it('covers every flow of an example exactly once', () => {
    const read = readDocumentText(readFileSync('data/examples/standalone-primary.json', 'utf8'), catalogue);
    if (!read.ok) throw new Error(read.error.key);
    const rows = flowsToRows(
      deriveFlows(read.document, catalogue).flows,
      read.document,
      rowWords(catalogue, 'en'),
    );
    const pairs = consolidateHostPairs(rows);
    expect(pairs.flatMap((p) => p.ruleIds).sort()).toEqual(rows.map((r) => r.id).sort());
    const keys = pairs.map((p) => `${p.sourceId}>${p.targetId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const clientToMp = pairs.find((p) => p.sourceId === 'clients' && p.targetId === 'mp');
    expect(clientToMp?.portsText).toBe('TCP 80, 443, 10123');
  });
});
