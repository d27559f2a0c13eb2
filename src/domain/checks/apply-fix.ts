import type { Catalogue } from '../catalogue-types';
import type { TopologyDocument } from '../document';
import { addHost, addLinks, addRole, spotForNewHost } from '../edits/host-edits';
import { hostIdPrefix } from '../edits/ids';
import type { Fix } from './finding';

/**
 * Applies a finding's fix and returns the new document; the input is not changed. A fix that no
 * longer fits the document (a host gone, a role unknown, the link already there) returns the
 * document as it was. New hosts get a unique id and name, the site of the fix, the zone their
 * linked hosts share (site systems only) and a place near those hosts. The edits are the ones the
 * store's actions make (src/domain/edits), so a fixed host looks like a drawn one.
 *
 * @param document - the document the finding was raised on
 * @param fix - the finding's fix
 * @param catalogue - the roles a fix may name
 * @returns the fixed document, or `document` itself when the fix no longer fits
 * @example
 * const fixed = applyFix(doc, { kind: 'add-link', source: 'a', target: 'b', label: '' }, catalogue);
 * fixed === doc; // false: a link a–b was added
 */
export function applyFix(document: TopologyDocument, fix: Fix, catalogue: Catalogue): TopologyDocument {
  const hostById = new Map(document.hosts.map((h) => [h.id, h]));
  switch (fix.kind) {
    case 'add-link': {
      if (!hostById.has(fix.source) || !hostById.has(fix.target)) return document;
      // Self-links and links already drawn add nothing: the same document comes back.
      return addLinks(document, [[fix.source, fix.target]]).doc;
    }
    case 'add-role': {
      if (!catalogue.roleById.has(fix.role)) return document;
      return addRole(document, fix.host, fix.role);
    }
    case 'add-host': {
      const role = catalogue.roleById.get(fix.role);
      if (!role) return document;
      const near = [...new Set(fix.linkTo)].filter((id) => hostById.has(id));
      const zones = new Set(near.map((id) => hostById.get(id)?.zone));
      const zone = role.kind === 'site-system' && zones.size === 1 ? [...zones][0] : undefined;
      const added = addHost(document, {
        role,
        position: spotForNewHost(document.layout, near),
        name: fix.name,
        ...(fix.site ? { site: fix.site } : {}),
        ...(zone ? { zone } : {}),
        idPrefix: hostIdPrefix(role.abbr),
      });
      return addLinks(
        added.doc,
        near.map((target) => [added.id, target] as const),
      ).doc;
    }
  }
}
