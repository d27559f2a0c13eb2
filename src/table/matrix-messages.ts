import en from '@/i18n/en/matrix.json';

/**
 * The matrix's English words about zones, for the browser tests that read the English page
 * (tests/e2e). The panel itself says them through `matrix:zones.*` in the app's language.
 */
export const ZONE_MESSAGES = {
  boundaryHeader: en.zones.boundaryHeader,
  crosses: en.zones.crosses,
  crossesUnknown: en.zones.crossesUnknown,
} as const;
