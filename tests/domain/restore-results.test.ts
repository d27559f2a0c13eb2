import fc from 'fast-check';
import { catalogue } from '@/domain/default-catalogue';
import { flowKey } from '@/domain/firewall/flow-key';
import { readDocumentText, restoreDocument, serializeDocument } from '@/domain/restore';
import { parseFlowKey } from '@/domain/results/restore-results';
import { doc, restored } from '../support/restore';

const KEY = flowKey({
  linkId: 'l1',
  sourceId: 'mp',
  targetId: 'db',
  protocol: 'TCP',
  port: { kind: 'single', port: 1433 },
});
const RANGE = flowKey({
  linkId: 'l1',
  sourceId: 'mp',
  targetId: 'db',
  protocol: 'TCP',
  port: { kind: 'range', from: 49152, to: 65535 },
});

describe('restoring test results', () => {
  it('keeps verified and blocked results by flow key and writes them back unchanged', () => {
    const input = doc({ results: { [KEY]: 'blocked', [RANGE]: 'verified' } });
    const result = restored(input);
    expect(result.problems).toEqual([]);
    expect(result.document.results).toEqual({ [KEY]: 'blocked', [RANGE]: 'verified' });
    const again = readDocumentText(serializeDocument(result.document), catalogue);
    expect(again).toEqual({ ok: true, document: result.document, problems: [] });
  });

  it('keeps results of flows the document does not derive (they come back with the flow)', () => {
    // No host or link l1 exists: the result stays, unseen, until the flow is derived again.
    expect(restored(doc({ results: { [KEY]: 'verified' } })).document.results).toEqual({ [KEY]: 'verified' });
  });

  it('leaves the field out when there are none or the record is empty', () => {
    expect(restored(doc({})).document).not.toHaveProperty('results');
    expect(restored(doc({ results: {} })).document).not.toHaveProperty('results');
    expect(restored(doc({ results: null })).document).not.toHaveProperty('results');
  });

  it('drops what is not a record, with one report line', () => {
    for (const value of [[KEY], 'blocked', 42, true]) {
      const result = restored(doc({ results: value }));
      expect(result.document).not.toHaveProperty('results');
      expect(result.problems).toEqual(['The test results are not a record of flows and were dropped']);
    }
  });

  it('drops keys that are not flow keys and states that are neither verified nor blocked, counted', () => {
    const results = JSON.parse(
      JSON.stringify({
        [KEY]: 'blocked',
        '443': 'blocked',
        '["l1","mp","db","TCP","0443"]': 'blocked',
        '["l1","mp","db","ICMP","443"]': 'blocked',
        '["l1","mp","db","TCP","443-80"]': 'blocked',
        '["l1", "mp","db","TCP","443"]': 'blocked',
        '["l1","mp","db","TCP"]': 'blocked',
        '["../x","mp","db","TCP","443"]': 'blocked',
        [RANGE]: 'open',
      }).replace(/^\{/, '{"__proto__":"blocked",'),
    );
    // An own __proto__ key, as JSON.parse makes it: data to drop, never a prototype.
    expect(Object.hasOwn(results, '__proto__')).toBe(true);
    const result = restored(doc({ results }));
    expect(result.document.results).toEqual({ [KEY]: 'blocked' });
    expect(result.problems).toEqual([
      '8 test results name no flow and were dropped',
      '1 test result is neither verified nor blocked and was dropped',
    ]);
    expect(({} as Record<string, unknown>).blocked).toBeUndefined();
  });

  it('reads a flow key back into its parts, and nothing flowKey cannot write', () => {
    expect(parseFlowKey(RANGE)).toEqual({
      linkId: 'l1',
      sourceId: 'mp',
      targetId: 'db',
      protocol: 'TCP',
      port: '49152-65535',
    });
    expect(parseFlowKey('["l1","mp","db","TCP","65536"]')).toBeUndefined();
    expect(parseFlowKey(`["${'x'.repeat(600)}","mp","db","TCP","1"]`)).toBeUndefined();
    expect(parseFlowKey('[')).toBeUndefined();
  });

  it('never throws on any results value, and what it keeps survives a save and reopen', () => {
    const state = fc.oneof(fc.constantFrom('verified', 'blocked'), fc.anything());
    const key = fc.oneof(
      fc.constant(KEY),
      fc.constant(RANGE),
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'toString'),
    );
    const value = fc.oneof(fc.anything(), fc.dictionary(key, state, { maxKeys: 20 }));
    fc.assert(
      fc.property(value, (results) => {
        const first = restoreDocument(doc({ results }), catalogue);
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        for (const [k, v] of Object.entries(first.document.results ?? {})) {
          expect(parseFlowKey(k)).toBeDefined();
          expect(['verified', 'blocked']).toContain(v);
        }
        const again = readDocumentText(serializeDocument(first.document), catalogue);
        expect(again).toEqual({ ok: true, document: first.document, problems: [] });
      }),
      { numRuns: 300 },
    );
  });
});
