import { catalogue } from '@/domain/default-catalogue';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '@/domain/document';
import { readDocumentText, restoreDocument, serializeDocument } from '@/domain/restore';
import { english } from '../support/words';

const hosts = [
  { id: 'a', name: 'A', roles: ['site-server'], options: {} },
  { id: 'b', name: 'B', roles: ['management-point'], options: {} },
  { id: 'c', name: 'C', roles: ['client'], options: {} },
];

function restoredLinks(links: unknown[]) {
  const input = { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, name: 'T', hosts, links };
  const result = restoreDocument(input, catalogue);
  if (!result.ok) throw new Error(english(result.error));
  return result;
}

describe('an inferred link (issue 14) through restore', () => {
  it('keeps the mark of a link an import inferred, through save and open', () => {
    const result = restoredLinks([{ id: 'l1', source: 'b', target: 'a', inferred: true }]);
    expect(result.problems).toEqual([]);
    expect(result.document.links).toEqual([{ id: 'l1', source: 'b', target: 'a', inferred: true }]);
    const again = readDocumentText(serializeDocument(result.document), catalogue);
    expect(again.ok && again.document.links[0]?.inferred).toBe(true);
  });

  it.each([false, 'true', 1, null])('reads inferred: %j as a kept link (no mark)', (value) => {
    const result = restoredLinks([{ id: 'l1', source: 'c', target: 'b', inferred: value }]);
    expect(result.document.links).toEqual([{ id: 'l1', source: 'c', target: 'b' }]);
  });
});
