/** Restore of links and zones: dangling, self and repeated links, zone parents and their cycles. */

import { type Box, COORDINATE_LIMIT, LINK_ID_PREFIX, type Link, type Zone, type ZoneKind } from './document';
import { type Message, type MessageParam, message } from './message';
import { NumberedIdSet, PairSet } from './pair-set';
import {
  describe,
  hasFieldsInOrder,
  isId,
  isObject,
  isPlainText,
  type Json,
  own,
  quoted,
  text,
} from './restore-values';
import { checkCidr } from './zones/cidr';
import { isZoneKind, ZONE_COLOURS } from './zones/zone-kinds';

/** A link's fields as restore makes a link without label or mark. */
const LINK_FIELDS = ['id', 'source', 'target'];

/** `Link #3 (a – b)`, or the field that is not a host id: `Link #3 (links[2].source is an object)`. */
function linkLabel(index: number, source: unknown, target: unknown): MessageParam {
  const n = index + 1;
  const label = (key: string, params: Record<string, MessageParam>) => ({
    message: message(`restore:subject.${key}`, { n, index, ...params }),
  });
  if (typeof source !== 'string') return label('linkSource', { value: describe(source) });
  if (typeof target !== 'string') return label('linkTarget', { value: describe(target) });
  const cut = (id: string) => (id.length > 60 ? `${id.slice(0, 60)}…` : id);
  return label('link', { source: cut(source), target: cut(target) });
}

/**
 * Restores the link list: drops links to missing hosts, self links and repeats of a host pair,
 * and renames missing, unusable or repeated ids to `l<n>`. A link's words (`Link #3 (a – b)`) are
 * made only for a report line; a host pair is a number made of the two hosts' places in the list.
 *
 * @param raw - the `links` list as read (already within the caps of limits.ts)
 * @param indexById - each restored host id's place in the host list
 * @param problems - report lines (messages) are appended here
 * @param reuse - keep a link object of `raw` that is already as restored (id and both ends, no more),
 *   and `raw` itself when every link is: only for a list nobody else holds (just parsed)
 * @param ends - when given, gets the places of the links' ends (see {@link LinkEnds})
 * @returns the links that join two different existing hosts, one per pair
 * @example restoreLinks([{ id: 'l1', source: 'a', target: 'b' }], new Map([['a', 0], ['b', 1]]), [])
 */
export function restoreLinks(
  raw: readonly unknown[],
  indexById: ReadonlyMap<string, number>,
  problems: Message[],
  reuse = false,
  ends?: LinkEnds,
): Link[] {
  // Filled while the links are checked, which looks both ends up anyway; cut to the links kept.
  const places = ends ? new Int32Array(raw.length * 2) : undefined;
  // While every link kept is its raw object in its place (reuse), the list is `raw`'s first `count`.
  let links: Link[] | undefined = reuse ? undefined : [];
  let count = 0;
  const list = (): Link[] => {
    links ??= (raw as Link[]).slice(0, count);
    return links;
  };
  const ids = new NumberedIdSet(LINK_ID_PREFIX, raw.length);
  const pairs = new PairSet(raw.length);
  const hostCount = indexById.size;
  // Renamed ids count upwards from here, so renaming stays linear even when many `l<n>` are taken.
  let nextFree = 1;
  for (let index = 0; index < raw.length; index += 1) {
    const item = raw[index];
    if (!isObject(item)) {
      problems.push(message('restore:link.notObject', { n: index + 1 }));
      continue;
    }
    // A link of just id, source and target (most of them) has these three as its own fields.
    const plain = reuse && hasFieldsInOrder(item, LINK_FIELDS);
    const source = plain ? item.source : own(item, 'source');
    const target = plain ? item.target : own(item, 'target');
    const from = typeof source === 'string' ? indexById.get(source) : undefined;
    const to = typeof target === 'string' ? indexById.get(target) : undefined;
    if (from === undefined || to === undefined) {
      problems.push(message('restore:link.missingHost', { link: linkLabel(index, source, target) }));
      continue;
    }
    if (from === to) {
      problems.push(message('restore:link.self', { link: linkLabel(index, source, target) }));
      continue;
    }
    if (!pairs.add(from < to ? from * hostCount + to : to * hostCount + from)) {
      problems.push(message('restore:link.repeat', { link: linkLabel(index, source, target) }));
      continue;
    }
    const rawId = plain ? item.id : own(item, 'id');
    let id: string;
    if (isId(rawId) && ids.add(rawId)) {
      id = rawId;
    } else {
      let n = Math.max(count + 1, nextFree);
      while (ids.hasNumber(n)) n += 1;
      nextFree = n + 1;
      id = `${LINK_ID_PREFIX}${n}`;
      ids.add(id);
      if (rawId !== undefined) {
        const link = linkLabel(index, source, target);
        problems.push(message('restore:link.idRenamed', { link, value: describe(rawId), id }));
      }
    }
    if (places) {
      places[2 * count] = from;
      places[2 * count + 1] = to;
    }
    if (plain && id === rawId) {
      // Exactly id, source and target, all as restored: the object is the link.
      if (links !== undefined || index !== count) list().push(item as unknown as Link);
      count += 1;
      continue;
    }
    // Both are host ids now (found in the host list).
    const link: { -readonly [K in keyof Link]: Link[K] } = {
      id,
      source: source as string,
      target: target as string,
    };
    const rawLabel = own(item, 'label');
    const linkText = isPlainText(rawLabel)
      ? (rawLabel ?? undefined)
      : text(
          rawLabel,
          message('restore:subject.linkLabel', { link: linkLabel(index, source, target) }),
          problems,
        );
    if (linkText) link.label = linkText;
    // An import's mark on a link it inferred; anything but `true` means the user kept the link.
    if (own(item, 'inferred') === true) link.inferred = true;
    list().push(link);
    count += 1;
  }
  if (ends && places) ends.places = places.subarray(0, 2 * count);
  return links ?? (count === raw.length ? (raw as Link[]) : list());
}

/**
 * Where restore puts the places of the restored links' ends, when asked: the source of link `i`
 * is host `places[2i]` of the restored host list, its target host `places[2i + 1]`. The parse
 * worker sends these instead of looking every end up again (parse-pack.ts).
 */
export interface LinkEnds {
  places?: Int32Array;
}

type ZoneDraft = {
  id: string;
  name: string;
  parent?: string;
  kind?: ZoneKind;
  cidrs?: string[];
  colour?: string;
  box?: Box;
};

/** Most address ranges kept per zone; a real zone has a handful. */
export const MAX_ZONE_CIDRS = 256;

/** A zone's box: four finite numbers, clamped to the canvas, width and height at least 1. */
function readBox(value: unknown, zone: MessageParam, problems: Message[]): Box | undefined {
  if (value === undefined) return undefined;
  const parts = isObject(value) ? ['x', 'y', 'width', 'height'].map((k) => own(value, k)) : [];
  if (parts.length !== 4 || !parts.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    problems.push(message('restore:zone.box', { zone, value: describe(value) }));
    return undefined;
  }
  const [x, y, width, height] = (parts as number[]).map((n) =>
    Math.round(Math.min(COORDINATE_LIMIT, Math.max(-COORDINATE_LIMIT, n))),
  ) as [number, number, number, number];
  return { x, y, width: Math.max(1, width), height: Math.max(1, height) };
}

/** The optional fields of a zone: kind, colour, address ranges and box, each dropped with a line when unusable. */
function zoneExtras(
  item: Json,
  name: string,
  problems: Message[],
): Omit<ZoneDraft, 'id' | 'name' | 'parent'> {
  const zone = quoted(name);
  const extras: Omit<ZoneDraft, 'id' | 'name' | 'parent'> = {};
  const kind = own(item, 'kind');
  if (isZoneKind(kind)) extras.kind = kind;
  else if (kind !== undefined) problems.push(message('restore:zone.kind', { zone, value: describe(kind) }));
  const colour = own(item, 'colour');
  if (typeof colour === 'string' && ZONE_COLOURS.includes(colour)) extras.colour = colour;
  else if (colour !== undefined)
    problems.push(message('restore:zone.colour', { zone, value: describe(colour) }));
  const cidrs = own(item, 'cidrs');
  if (Array.isArray(cidrs)) {
    const kept: string[] = [];
    // An index loop, not slice(): a raw list may carry an own "constructor" that breaks slice.
    for (let i = 0; i < Math.min(cidrs.length, MAX_ZONE_CIDRS); i += 1) {
      const cidr: unknown = cidrs[i];
      const reason =
        typeof cidr === 'string'
          ? checkCidr(cidr)
          : message('restore:value.notText', { value: describe(cidr) });
      if (reason === undefined) kept.push((cidr as string).trim());
      else problems.push(message('restore:zone.cidrDropped', { zone, reason: { message: reason } }));
    }
    if (cidrs.length > MAX_ZONE_CIDRS)
      problems.push(message('restore:zone.cidrsCut', { zone, limit: MAX_ZONE_CIDRS }));
    if (kept.length > 0) extras.cidrs = kept;
  } else if (cidrs !== undefined)
    problems.push(message('restore:zone.cidrsNotList', { zone, value: describe(cidrs) }));
  const box = readBox(own(item, 'box'), zone, problems);
  if (box) extras.box = box;
  return extras;
}

/**
 * Breaks every parent cycle in one pass (linear in the number of zones): each zone is walked
 * once; a walk that meets a zone of its own path has found a cycle, which is broken at its
 * member that comes first in the file.
 */
function breakCycles(zones: readonly ZoneDraft[], problems: Message[]): void {
  const indexById = new Map(zones.map((z, i) => [z.id, i]));
  // 0: not seen, 1: on the current walk, 2: done (its chain ends at a root).
  const state = new Uint8Array(zones.length);
  const path: number[] = [];
  for (let start = 0; start < zones.length; start += 1) {
    if (state[start] !== 0) continue;
    path.length = 0;
    let current: number | undefined = start;
    while (current !== undefined && state[current] === 0) {
      state[current] = 1;
      path.push(current);
      const parent: string | undefined = zones[current]?.parent;
      current = parent === undefined ? undefined : indexById.get(parent);
    }
    if (current !== undefined && state[current] === 1) {
      let first = current;
      for (let i = path.lastIndexOf(current); i < path.length; i += 1)
        first = Math.min(first, path[i] as number);
      const zone = zones[first] as ZoneDraft;
      problems.push(message('restore:zone.cycle', { zone: quoted(zone.name) }));
      delete zone.parent;
    }
    for (const i of path) state[i] = 2;
  }
}

/**
 * Restores the zone list: drops zones without a usable, unique id, removes parents that do not
 * exist and breaks parent cycles, each with a report line.
 *
 * @param raw - the `zones` list as read (already within the caps of limits.ts)
 * @param problems - report lines (messages) are appended here
 * @returns zones whose parent chains all end at a root
 * @example restoreZones([{ id: 'z1', name: 'DMZ', parent: 'z1' }], []) // [{ id: 'z1', name: 'DMZ' }]
 */
export function restoreZones(raw: readonly unknown[], problems: Message[]): Zone[] {
  const zones: ZoneDraft[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < raw.length; index += 1) {
    const item = raw[index];
    const id = isObject(item) ? own(item, 'id') : undefined;
    if (!isObject(item) || !isId(id) || ids.has(id)) {
      problems.push(message('restore:zone.badId', { n: index + 1 }));
      continue;
    }
    ids.add(id);
    const name = text(own(item, 'name'), message('restore:subject.zoneName', { id }), problems) || id;
    const parent = own(item, 'parent');
    const extras = zoneExtras(item, name, problems);
    if (typeof parent === 'string') zones.push({ id, name, parent, ...extras });
    else {
      if (parent !== undefined && parent !== null) {
        problems.push(message('restore:zone.parentNotId', { zone: quoted(name), value: describe(parent) }));
      }
      zones.push({ id, name, ...extras });
    }
  }
  for (const zone of zones) {
    if (zone.parent !== undefined && !ids.has(zone.parent)) {
      problems.push(
        message('restore:zone.parentMissing', { zone: quoted(zone.name), parent: quoted(zone.parent) }),
      );
      delete zone.parent;
    }
  }
  breakCycles(zones, problems);
  return zones;
}
