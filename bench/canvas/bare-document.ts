/** What the bare baseline page reads: the document's hosts, zone boxes and links, labels made beforehand. */

import type { Catalogue } from '@/domain/catalogue-types';
import type { Box, TopologyDocument } from '@/domain/document';

export interface BareDocument {
  readonly hosts: readonly { id: string; label: string; x: number; y: number; zone?: string }[];
  readonly zones: readonly { id: string; parent?: string; box: Box }[];
  readonly links: readonly { id: string; source: string; target: string }[];
}

/** The document as the bare page shows it: each host labelled with its name and role badges' text. */
export function bareDocument(doc: TopologyDocument, catalogue: Catalogue): BareDocument {
  return {
    hosts: doc.hosts.map((h) => {
      const at = doc.layout[h.id] ?? { x: 0, y: 0 };
      const badges = h.roles.map((r) => catalogue.roleById.get(r)?.abbr ?? r);
      return {
        id: h.id,
        label: [h.name, ...badges].join(' '),
        x: at.x,
        y: at.y,
        ...(h.zone ? { zone: h.zone } : {}),
      };
    }),
    zones: doc.zones.flatMap((z) =>
      z.box ? [{ id: z.id, ...(z.parent === undefined ? {} : { parent: z.parent }), box: z.box }] : [],
    ),
    links: doc.links.map((l) => ({ id: l.id, source: l.source, target: l.target })),
  };
}
