/**
 * The zone slice: zones drawn on the canvas (issue 12). The edits are the domain's
 * (src/domain/zones/zone-edits.ts); this slice adds selection and one undo step per gesture. A
 * zone's move during a drag is recorded by the document slice's `endDrag`, as a host's move is.
 */
import type { ZoneKind } from '@/domain/document';
import { type Message, message } from '@/domain/message';
import { checkCidr } from '@/domain/zones/cidr';
import {
  addZone,
  deleteZone,
  moveZone,
  resizeZone,
  updateZone,
  zoneAroundHosts,
} from '@/domain/zones/zone-edits';
import { NEW_ZONE_SIZE } from '@/domain/zones/zone-frames';
import { isZoneKind, ZONE_COLOURS, zoneKindName } from '@/domain/zones/zone-kinds';
import { fitZone, moveHostIntoZone, nestZoneByPosition } from '@/domain/zones/zone-placement';
import { appI18n } from '@/i18n/app-i18n';
import { languageOf } from '@/i18n/format-message';
import { commitDocument } from './document-state';
import type { AppState, SliceCreator, ZonePatch, ZoneSlice } from './store-types';

const selectZone = (id: string): Partial<AppState> => ({
  selectedZoneIds: [id],
  selectedHostIds: [],
  selectedLinkIds: [],
  sidePanel: 'inspector',
});

/** Why a patch cannot be applied, or undefined; the texts name the field and the value. */
function refusal(patch: ZonePatch): Message | undefined {
  if (patch.name !== undefined && patch.name.trim() === '') return message('store:zones.nameEmpty');
  if (patch.kind !== undefined && !isZoneKind(patch.kind))
    return message('store:zones.badKind', { kind: patch.kind });
  if (patch.colour !== undefined && !ZONE_COLOURS.includes(patch.colour))
    return message('store:zones.badColour', { colour: patch.colour });
  for (const cidr of patch.cidrs ?? []) {
    const reason = checkCidr(cidr);
    if (reason) return reason;
  }
  return undefined;
}

/** A new zone's name: its kind's, in the app's language (the user renames it as they like). */
const kindName = (kind: ZoneKind | undefined) => zoneKindName(kind, languageOf(appI18n));

export const createZoneSlice: SliceCreator<ZoneSlice> = (set, get) => ({
  addZone(box, kind?: ZoneKind) {
    const centre = get().viewCenter;
    const where = box ?? {
      x: centre.x - NEW_ZONE_SIZE.width / 2,
      y: centre.y - NEW_ZONE_SIZE.height / 2,
      ...NEW_ZONE_SIZE,
    };
    const { doc, id } = addZone(get(), { box: where, ...(kind ? { kind } : {}), name: kindName(kind) });
    commitDocument(set, doc, selectZone(id));
    return id;
  },
  zoneAroundSelection(kind) {
    const state = get();
    const result = zoneAroundHosts(state, state.selectedHostIds, state.measured, kind, kindName(kind));
    if (!result) return undefined;
    commitDocument(set, result.doc, selectZone(result.id));
    return result.id;
  },
  updateZone(id, patch) {
    const reason = refusal(patch);
    if (reason) return reason;
    const next = updateZone(get(), id, (zone) => {
      const name = patch.name?.trim();
      const changed = {
        ...zone,
        ...(name !== undefined ? { name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.cidrs !== undefined ? { cidrs: patch.cidrs.map((c) => c.trim()) } : {}),
      };
      if ('colour' in patch) {
        if (patch.colour === undefined) delete (changed as { colour?: string }).colour;
        else changed.colour = patch.colour;
      }
      if (changed.cidrs?.length === 0) delete (changed as { cidrs?: readonly string[] }).cidrs;
      return JSON.stringify(changed) === JSON.stringify(zone) ? zone : changed;
    });
    if (next !== get()) commitDocument(set, next);
    return undefined;
  },
  moveZoneTo(id, to) {
    const measured = get().measured;
    const next = nestZoneByPosition(moveZone(get(), id, to, measured), id, measured);
    if (next !== get()) commitDocument(set, next);
  },
  resizeZoneTo(id, box) {
    const next = resizeZone(get(), id, box, get().measured);
    if (next !== get()) commitDocument(set, next);
  },
  deleteZones(ids) {
    const state = get();
    const next = ids.reduce((doc, id) => deleteZone(doc, id), state as AppState);
    if (next === state) return;
    const gone = new Set(ids);
    commitDocument(set, next, { selectedZoneIds: state.selectedZoneIds.filter((z) => !gone.has(z)) });
  },
  fitZoneToHosts(id) {
    const next = fitZone(get(), id, get().measured);
    if (next !== get()) commitDocument(set, next);
  },
  selectZone(id) {
    set(selectZone(id));
  },
  moveHostIntoZone(hostId, zoneId) {
    const next = moveHostIntoZone(get(), hostId, zoneId, get().measured);
    if (next !== get()) commitDocument(set, next);
  },
});
