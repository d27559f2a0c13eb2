/**
 * A site code as compared: trimmed and upper case; empty means none.
 *
 * @param site - A host's site code as typed.
 * @returns The comparable code, or undefined for none.
 * @example
 * siteCode(' p01 '); // 'P01'
 */
export function siteCode(site: string | undefined): string | undefined {
  if (site === undefined) return undefined;
  // Most codes are typed as compared (`P01`): returned as they are, no string made per call (the
  // checks ask for every host's site many times, and 100,000 hosts' copies are garbage).
  if (isPlainCode(site)) return site;
  const code = site.trim().toUpperCase();
  return code ? code : undefined;
}

/**
 * True when trimming and upper-casing leave `site` as it is, and it is not empty: printable ASCII
 * only, no space and no lower-case letter (any other character is left to `trim` and
 * `toUpperCase`).
 */
function isPlainCode(site: string): boolean {
  if (site.length === 0) return false;
  for (let i = 0; i < site.length; i += 1) {
    const c = site.charCodeAt(i);
    if (c <= 0x20 || c > 0x7e || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}
