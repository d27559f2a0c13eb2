/**
 * New ids for hosts, links and zones. One rule for every edit (drawing, pasting, adding a template,
 * applying a fix): a new id is one above the highest number its series already holds, so a fix's
 * link after `l7` is `l8`, whoever adds it.
 */

/**
 * Hands out new ids of the series `prefix1`, `prefix2`, …, each one above the highest number the
 * series holds so far and never one of `existing`.
 *
 * @param prefix - the series, e.g. `l` for links or `sql-` for hosts added by a fix
 * @param existing - ids already taken (of any series)
 * @returns a function that returns the next free id each time it is called
 * @example
 * const next = idSeries('l', ['l1', 'l7', 'x']);
 * next(); // 'l8'
 * next(); // 'l9'
 */
export function idSeries(prefix: string, existing: Iterable<string>): () => string {
  const taken = new Set(existing);
  let n = 0;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const digits = id.slice(prefix.length);
    if (!/^\d+$/.test(digits)) continue;
    const value = Number(digits);
    // A number too large to count on is skipped; the `taken` check below still avoids it.
    if (Number.isSafeInteger(value) && value > n) n = value;
  }
  return () => {
    n += 1;
    while (taken.has(`${prefix}${n}`)) n += 1;
    const id = `${prefix}${n}`;
    taken.add(id);
    return id;
  };
}

/**
 * One new id of the series `prefix<n>` (see {@link idSeries}).
 *
 * @param prefix - the series
 * @param existing - ids already taken
 * @returns the new id
 * @example
 * nextId('h', ['h1', 'h2']); // 'h3'
 * nextId('dc-', ['dc']); // 'dc-1'
 */
export function nextId(prefix: string, existing: Iterable<string>): string {
  return idSeries(prefix, existing)();
}

/**
 * The id series for a host a fix adds, from its role's badge: readable ids such as `sql-1`.
 *
 * @param abbr - the role's abbreviation (`SQL`, `MP`)
 * @returns a prefix for {@link idSeries}; `host-` when the badge has no letter or digit
 * @example
 * hostIdPrefix('SQL'); // 'sql-'
 * hostIdPrefix('C&C'); // 'c-c-'
 */
export function hostIdPrefix(abbr: string): string {
  const stem = abbr
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || 'host'}-`;
}
