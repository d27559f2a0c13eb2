import { useCallback } from 'react';
import type { ZoneKind } from '@/domain/document';
import { zoneKindName } from '@/domain/zones/zone-kinds';
import { useWords } from '@/store/use-words';

/**
 * A zone kind's name in the app's language, as data/zones.json writes it (an unknown kind from a
 * newer file keeps its id).
 */
export function useZoneKindName(): (kind: ZoneKind) => string {
  const { language } = useWords();
  return useCallback((kind) => zoneKindName(kind, language), [language]);
}
