import type { Host } from '../document';

/**
 * A host name as people read it: Unicode-normalised, lower case, without any whitespace (also
 * zero-width characters), so `web01`, `WEB01 ` and `web 01` are the same name.
 */
export function comparableName(name: string): string {
  // NFKC only where it can change something: most names are plain ASCII.
  return (/^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
}

/** `P01-SQL01` → `P01-SQL02` (keeping the width), `Internet` → `Internet 2`, until no host has the name. */
export function uniqueHostName(wanted: string, hosts: readonly Host[]): string {
  const taken = new Set(hosts.map((h) => comparableName(h.name)));
  const base = wanted.trim() || 'Host';
  if (!taken.has(comparableName(base))) return base;
  const m = /^(.*?)(\d+)$/.exec(base);
  const prefix = m ? (m[1] ?? '') : `${base} `;
  const width = m ? (m[2] ?? '').length : 0;
  let n = m ? Number(m[2]) + 1 : 2;
  let name = `${prefix}${String(n).padStart(width, '0')}`;
  while (taken.has(comparableName(name))) {
    n += 1;
    name = `${prefix}${String(n).padStart(width, '0')}`;
  }
  return name;
}
