import * as Y from 'yjs';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import { fromShared, writeShared } from '@/sync/shared-doc';
import { makeDocument, makeHost, makeLink } from '../builders';
import { english } from '../support/words';

const BLOCKED = '["l1","mp","site","TCP","443"]';
const VERIFIED = '["l1","mp","site","TCP","80"]';

function sample(results?: TopologyDocument['results']): TopologyDocument {
  const doc = makeDocument(
    [
      makeHost('site', ['site-server'], { name: 'P01-SITE', site: 'P01' }),
      makeHost('mp', ['management-point'], { name: 'P01-MP01' }),
    ],
    [makeLink('mp', 'site', 'l1')],
  );
  return results ? { ...doc, results } : doc;
}

function read(ydoc: Y.Doc): TopologyDocument {
  const result = fromShared(ydoc, catalogue);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.document;
}

describe('test results in a shared document', () => {
  it('round-trips the results, and a document without any reads back without the field', () => {
    const ydoc = new Y.Doc();
    const withResults = sample({ [BLOCKED]: 'blocked', [VERIFIED]: 'verified' });
    writeShared(ydoc, withResults);
    expect(fromShared(ydoc, catalogue)).toEqual({ ok: true, document: withResults, problems: [] });
    // Clearing the results empties the part: nothing stays behind for the next reader.
    writeShared(ydoc, sample());
    expect(ydoc.getMap('results').size).toBe(0);
    expect(read(ydoc)).not.toHaveProperty('results');
  });

  it('merges two people importing results at once, flow by flow', () => {
    const a = new Y.Doc();
    writeShared(a, sample());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    writeShared(a, sample({ [BLOCKED]: 'blocked' }));
    writeShared(b, sample({ [VERIFIED]: 'verified' }));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(read(a).results).toEqual({ [BLOCKED]: 'blocked', [VERIFIED]: 'verified' });
    expect(read(b)).toEqual(read(a));
  });

  it("reads a peer's bad results through restore: dropped with a report, never taken as is", () => {
    const ydoc = new Y.Doc();
    writeShared(ydoc, sample({ [BLOCKED]: 'blocked' }));
    ydoc.getMap('results').set('not a key', 'blocked');
    ydoc.getMap('results').set(VERIFIED, 'open');
    const result = fromShared(ydoc, catalogue);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.results).toEqual({ [BLOCKED]: 'blocked' });
    expect(result.problems.map((p) => english(p))).toEqual([
      '1 test result names no flow and was dropped',
      '1 test result is neither verified nor blocked and was dropped',
    ]);
  });
});
