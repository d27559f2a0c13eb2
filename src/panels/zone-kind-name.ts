import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneKind } from '@/domain/document';
import { zoneKindName } from '@/domain/zones/zone-kinds';

/** The kinds named in the canvas catalogue (the zone titles on the canvas use the same words). */
const KIND_KEYS = {
  datacenter: 'zoneKinds.datacenter',
  dmz: 'zoneKinds.dmz',
  branch: 'zoneKinds.branch',
  clients: 'zoneKinds.clients',
  internet: 'zoneKinds.internet',
  cloud: 'zoneKinds.cloud',
} as const;

/**
 * A zone kind's name in the app's language; a kind the catalogue does not name (a newer
 * data/zones.json) keeps the file's name.
 */
export function useZoneKindName(): (kind: ZoneKind | string) => string {
  const { t } = useTranslation('canvas');
  return useCallback(
    (kind) =>
      Object.hasOwn(KIND_KEYS, kind)
        ? t(KIND_KEYS[kind as keyof typeof KIND_KEYS])
        : zoneKindName(kind as ZoneKind),
    [t],
  );
}
