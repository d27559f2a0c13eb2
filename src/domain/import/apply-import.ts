/** Applies an import preview to a document (one edit, so one undo step), and keeps inferred links. */
import { comparableName, freeName } from '../checks/host-names';
import {
  type DocumentContent,
  type Host,
  LINK_ID_PREFIX,
  type Link,
  type Position,
  type Zone,
} from '../document';
import { MERGE_GAP } from '../edits/fragments';
import { linked } from '../edits/host-edits';
import { idSeries } from '../edits/ids';
import { layoutBounds } from '../edits/layout-bounds';
import type { ImportPreview } from './import-types';

/** Replace the diagram with the import, or add the import to it. */
export type ImportMode = 'replace' | 'add';

/** A link as the document stores it: the preview's `by` is for the preview only. */
function documentLink({ id, source, target, label }: Link): Link {
  return { id, source, target, ...(label ? { label } : {}), inferred: true };
}

function replaceWith<D extends DocumentContent>(document: D, preview: ImportPreview): D {
  return {
    ...document,
    hosts: preview.hosts,
    links: preview.links.map(documentLink),
    zones: preview.zones,
    layout: { ...preview.layout },
  };
}

/** The preview's zones in the document: reused by name, else added with a free id. */
function mergeZones(zones: readonly Zone[], added: readonly Zone[]) {
  const byName = new Map(zones.map((z) => [comparableName(z.name), z.id]));
  const newId = idSeries(
    'z',
    zones.map((z) => z.id),
  );
  const map = new Map<string, string>();
  const result = [...zones];
  for (const zone of added) {
    const known = byName.get(comparableName(zone.name));
    if (known) map.set(zone.id, known);
    else {
      const id = newId();
      map.set(zone.id, id);
      result.push({ id, name: zone.name });
    }
  }
  return { zones: result, map };
}

function addTo<D extends DocumentContent>(document: D, preview: ImportPreview): D {
  const byFqdn = new Map<string, Host>();
  const byName = new Map<string, Host>();
  for (const host of document.hosts) {
    if (host.fqdn) byFqdn.set(host.fqdn.toLowerCase(), host);
    byName.set(comparableName(host.name), host);
  }
  const zones = mergeZones(document.zones, preview.zones);
  const newHostId = idSeries(
    'h',
    document.hosts.map((h) => h.id),
  );
  const names = new Set(byName.keys());
  const idMap = new Map<string, string>();
  const updated = new Map<string, Host>();
  const added: Host[] = [];
  for (const host of preview.hosts) {
    const zone = host.zone ? zones.map.get(host.zone) : undefined;
    // A server already drawn (same FQDN, or same name) gains the imported roles; client groups are always new.
    const known = host.roles.includes('client')
      ? undefined
      : ((host.fqdn ? byFqdn.get(host.fqdn.toLowerCase()) : undefined) ??
        byName.get(comparableName(host.name)));
    if (known) {
      const base = updated.get(known.id) ?? known;
      updated.set(known.id, {
        ...base,
        roles: [...base.roles, ...host.roles.filter((r) => !base.roles.includes(r))],
        options: { ...host.options, ...base.options },
        ...(base.fqdn || !host.fqdn ? {} : { fqdn: host.fqdn }),
        ...(base.ip || !host.ip ? {} : { ip: host.ip }),
        ...(base.site || !host.site ? {} : { site: host.site }),
      });
      idMap.set(host.id, known.id);
      continue;
    }
    const id = newHostId();
    const name = freeName(host.name, names);
    names.add(comparableName(name));
    idMap.set(host.id, id);
    const { zone: _zone, ...rest } = host;
    added.push({ ...rest, id, name, ...(zone ? { zone } : {}) });
  }
  const hosts = [...document.hosts.map((h) => updated.get(h.id) ?? h), ...added];
  const links = [...document.links];
  const newLinkId = idSeries(
    LINK_ID_PREFIX,
    links.map((l) => l.id),
  );
  for (const link of preview.links) {
    const source = idMap.get(link.source);
    const target = idMap.get(link.target);
    if (!source || !target || source === target || linked(links, source, target)) continue;
    links.push({ ...documentLink(link), id: newLinkId(), source, target });
  }
  // The new hosts keep their arrangement, placed right of what is drawn.
  const here = layoutBounds(document.layout);
  const there = layoutBounds(preview.layout);
  const dx = here && there ? here.maxX + MERGE_GAP - there.minX : 0;
  const dy = here && there ? here.minY - there.minY : 0;
  const layout: Record<string, Position> = { ...document.layout };
  for (const host of preview.hosts) {
    const id = idMap.get(host.id);
    const at = preview.layout[host.id];
    if (id && at && !(id in document.layout)) layout[id] = { x: at.x + dx, y: at.y + dy };
  }
  return { ...document, hosts, links, zones: zones.zones, layout };
}

/**
 * Applies an import: `replace` puts the imported estate in place of the diagram (keeping its name
 * and settings), `add` adds it, merging servers already drawn (by FQDN or name) and placing the
 * new hosts right of the diagram. Every imported link is stored with `inferred: true`. A preview
 * without hosts (every file failed) leaves the document as it is. Pure: one edit, one undo step.
 *
 * @param document - the current document
 * @param preview - from `buildImportPreview` (its layout may have been replaced by a layout pass)
 * @param mode - replace the diagram or add to it
 * @returns the new document, or `document` itself when there is nothing to import
 * @example
 * const next = applyImport(document, preview, 'replace');
 * next.links.every((l) => l.inferred); // true
 */
export function applyImport<D extends DocumentContent>(
  document: D,
  preview: ImportPreview,
  mode: ImportMode,
): D {
  if (preview.hosts.length === 0) return document;
  return mode === 'replace' ? replaceWith(document, preview) : addTo(document, preview);
}

/**
 * Keeps inferred links: their mark goes, and they are the user's links from then on.
 *
 * @param document - the document
 * @param linkIds - the links to keep; all inferred links when omitted
 * @returns the new document, or `document` itself when no link changed
 * @example
 * keepLinks(doc, ['l3']).links.find((l) => l.id === 'l3')?.inferred; // undefined
 */
export function keepLinks<D extends DocumentContent>(document: D, linkIds?: readonly string[]): D {
  const ids = linkIds ? new Set(linkIds) : undefined;
  let changed = false;
  const links = document.links.map((link) => {
    if (!link.inferred || (ids && !ids.has(link.id))) return link;
    changed = true;
    const { inferred: _inferred, ...kept } = link;
    return kept;
  });
  return changed ? { ...document, links } : document;
}
