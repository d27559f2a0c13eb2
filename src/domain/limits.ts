/**
 * Size caps for documents read from files, the autosave and the CLI. They are checked on the raw
 * value before restore looks at any field (see `scanLimits` in restore-scan.ts), so no later step
 * can recurse deeply, loop over a giant list or copy a giant string.
 *
 * Field-level caps live with the document: `TEXT_LIMIT` (names, labels, notes: 10,000 characters,
 * the same in the UI and in files) and `COORDINATE_LIMIT` (positions: ±1,000,000) in document.ts;
 * ports are integers 1–65535.
 */

/**
 * Largest file the app or the CLI reads, in bytes (checked on the text's length). A 100,000-host
 * estate with zones and 400,000 links is about 61 MB as the app saves it (issue 18).
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * Deepest nesting of lists and objects. A real document nests 5 levels (settings → ranges →
 * rpcDynamic → from); anything deeper is not ours or is hostile.
 */
export const MAX_DEPTH = 32;

/**
 * Longest string anywhere in a document. Names and notes are cut to `TEXT_LIMIT` with a report;
 * a string beyond this cap cannot come from the app, so the document is refused instead.
 */
export const MAX_STRING_LENGTH = 1_000_000;

/**
 * Most items in one list and most keys in one object (hosts, links, zones, layout entries). The
 * 100,000-host estate has 408,000 links.
 */
export const MAX_ITEMS = 1_000_000;

/**
 * Most values (lists, objects, strings, numbers, …) in a whole document. The 100,000-host estate
 * has 2.9 million.
 */
export const MAX_VALUES = 5_000_000;
