/** Longest slug kept from a diagram name; the date and extension come on top. */
const NAME_LIMIT = 80;

export interface FileNameOptions {
  /** Appended as the local day, `-2026-11-25`, for exports that are snapshots of a day. */
  readonly date?: Date;
  /** The slug when the name leaves none (blank, only symbols or emoji). Defaults to `topology`. */
  readonly fallback?: string;
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The one way the app names a file after a diagram (saved topology, exported matrix, picture).
 * Letters and digits of any script are kept, accents dropped, everything else (slashes, dots,
 * control and bidi characters) becomes a dash, so the name is safe on every file system and
 * cannot climb out of a folder.
 *
 * @param name - The diagram's name, as the user typed it.
 * @param extension - Without the leading dot; may have several parts (`cmports.json`).
 * @param options - An optional day to append and the slug for names that leave none.
 * @returns A lower-case file name such as `standalone-primary-site-2026-11-25.xlsx`.
 * @example
 * fileName('Standalone primary site', 'xlsx', { date: new Date(2026, 10, 25) });
 * // 'standalone-primary-site-2026-11-25.xlsx'
 * fileName('Zürich Süd / Köln', 'cmports.json'); // 'zurich-sud-koln.cmports.json'
 * fileName('<>', 'png'); // 'topology.png'
 */
export function fileName(name: string, extension: string, options: FileNameOptions = {}): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+/, '')
      .slice(0, NAME_LIMIT)
      .replace(/-+$/, '') ||
    options.fallback ||
    'topology';
  const day = options.date ? `-${isoDay(options.date)}` : '';
  return `${slug}${day}.${extension}`;
}
