import type { Link } from '@/domain/document';
import { inferredLinkIds, keepLinks } from '@/domain/edits/keep-links';
import { makeDocument, makeHost, makeLink } from '../../builders';

const inferred = (source: string, target: string, id: string): Link => ({
  ...makeLink(source, target, id),
  inferred: true,
});

const doc = makeDocument(
  [
    makeHost('site', ['site-server']),
    makeHost('mp', ['management-point']),
    makeHost('dp', ['distribution-point']),
  ],
  [inferred('mp', 'site', 'l1'), makeLink('dp', 'site', 'l2'), inferred('dp', 'mp', 'l3')],
);

describe('keeping inferred links', () => {
  it('removes the mark from the named links only and keeps everything else about them', () => {
    const next = keepLinks(doc, ['l1']);
    expect(next.links[0]).toEqual({ id: 'l1', source: 'mp', target: 'site' });
    expect('inferred' in (next.links[0] ?? {})).toBe(false);
    expect(next.links[1]).toBe(doc.links[1]);
    expect(next.links[2]).toBe(doc.links[2]);
    expect(next.hosts).toBe(doc.hosts);
    expect(doc.links[0]?.inferred).toBe(true);
  });

  it('returns the same document when no named link is marked', () => {
    expect(keepLinks(doc, [])).toBe(doc);
    expect(keepLinks(doc, ['l2', 'gone'])).toBe(doc);
  });

  it('lists the links still marked, in document order', () => {
    expect(inferredLinkIds(doc)).toEqual(['l1', 'l3']);
    expect(inferredLinkIds(keepLinks(doc, inferredLinkIds(doc)))).toEqual([]);
  });
});
