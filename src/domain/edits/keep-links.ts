/**
 * Keeping inferred links (issue 14): an import draws links from the hierarchy rules and marks
 * them `inferred`, so the user can tell them from links they drew. Keeping a link removes the
 * mark; the link itself and the flows it yields stay the same.
 */
import type { DocumentContent, Link } from '../document';

/**
 * Removes the `inferred` mark from the given links.
 *
 * @param doc - the document (with or without its envelope)
 * @param linkIds - the links to keep; ids of links without the mark, or of no link, are ignored
 * @returns the document with those links kept, or `doc` itself when none of them was marked
 * @example
 * const next = keepLinks(doc, ['l1']);
 * next.links[0]; // { id: 'l1', source: 'mp', target: 'site' }: no `inferred` any more
 */
export function keepLinks<D extends DocumentContent>(doc: D, linkIds: readonly string[]): D {
  const wanted = new Set(linkIds);
  let kept = false;
  const links = doc.links.map((link): Link => {
    if (!link.inferred || !wanted.has(link.id)) return link;
    kept = true;
    const { inferred: _inferred, ...rest } = link;
    return rest;
  });
  return kept ? { ...doc, links } : doc;
}

/**
 * The ids of the links an import inferred and the user has not kept yet.
 *
 * @param doc - the document
 * @returns the marked links' ids, in document order
 * @example
 * inferredLinkIds(doc); // ['l2', 'l5']
 */
export function inferredLinkIds(doc: Pick<DocumentContent, 'links'>): string[] {
  return doc.links.flatMap((l) => (l.inferred ? [l.id] : []));
}
