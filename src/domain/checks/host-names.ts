import type { Host } from '../document';

/**
 * A host name as people read it: Unicode-normalised, lower case, without any whitespace (also
 * zero-width characters), so `web01`, `WEB01 ` and `web 01` are the same name. The one meaning of
 * "same name": the duplicate-name check and every edit that picks a free name use it.
 *
 * @param name - a host (or zone) name as typed
 * @returns the key two names share when people would read them as the same
 * @example
 * comparableName(' WEB 01\t'); // 'web01'
 */
export function comparableName(name: string): string {
  // Printable ASCII without a space (most names) only changes case: no pattern, no copy when lower.
  let upper = false;
  let plain = true;
  for (let i = 0; i < name.length; i += 1) {
    const c = name.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) {
      plain = false;
      break;
    }
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  if (plain) return upper ? name.toLowerCase() : name;
  // NFKC only where it can change something: most names are plain ASCII.
  return (/^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
}

/**
 * A name close to `name` whose {@link comparableName} is not in `taken`: the trailing number goes
 * up (keeping its width), or a number is added. `name` itself when it is free.
 *
 * @param name - the wanted name (kept as written when free)
 * @param taken - comparable names already used; the caller adds the result when it keeps using the set
 * @returns a free name
 * @example
 * freeName('DP01', new Set(['dp01'])); // 'DP02'
 * freeName('Clients HQ', new Set(['clientshq'])); // 'Clients HQ 2'
 */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(comparableName(name))) return name;
  const m = /^(.*?)(\d+)$/.exec(name);
  const prefix = m ? (m[1] ?? '') : `${name} `;
  const width = m ? (m[2] ?? '').length : 0;
  let n = m ? Number(m[2]) + 1 : 2;
  let next = `${prefix}${String(n).padStart(width, '0')}`;
  while (taken.has(comparableName(next))) {
    n += 1;
    next = `${prefix}${String(n).padStart(width, '0')}`;
  }
  return next;
}

/**
 * `P01-SQL01` → `P01-SQL02` (keeping the width), `Internet` → `Internet 2`, until no host has the name.
 *
 * @param wanted - the suggested name; trimmed, `Host` when blank
 * @param hosts - the hosts whose names are taken
 * @returns a name no host has (by {@link comparableName})
 * @example
 * uniqueHostName('MP01', [{ id: 'a', name: 'MP 01', roles: [], options: {} }]); // 'MP02'
 */
export function uniqueHostName(wanted: string, hosts: readonly Host[]): string {
  const taken = new Set(hosts.map((h) => comparableName(h.name)));
  return freeName(wanted.trim() || 'Host', taken);
}
