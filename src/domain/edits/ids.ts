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
  const series = seriesOf(prefix);
  for (const id of existing) series.see(id);
  return series.next;
}

/**
 * {@link idSeries} over the ids of `items` (links, hosts, zones), read in place: no list of ids
 * is made (an added link at 10,000 hosts reads 40,000 link ids).
 *
 * @example
 * idSeriesOf('l', [{ id: 'l1' }, { id: 'l7' }])(); // 'l8'
 */
export function idSeriesOf(prefix: string, items: readonly { readonly id: string }[]): () => string {
  const series = seriesOf(prefix);
  for (let i = 0; i < items.length; i += 1) series.see(items[i]!.id);
  return series.next;
}

function seriesOf(prefix: string) {
  // One pass over the existing ids without a set of every id: a new id `prefix<n>` with n above the
  // highest plain number of the series can only meet an id of the series that is not a plain
  // number (`l1e+21`, `l9007199254740993`) or one handed out before, so only those are kept.
  const taken = new Set<string>();
  let n = 0;
  return {
    see(id: string) {
      if (!id.startsWith(prefix)) return;
      const value = seriesNumber(id, prefix.length);
      if (value === undefined) taken.add(id);
      else if (value > n) n = value;
    },
    next() {
      n += 1;
      while (taken.has(`${prefix}${n}`)) n += 1;
      const id = `${prefix}${n}`;
      taken.add(id);
      return id;
    },
  };
}

/**
 * The number an id holds after its series' prefix: `undefined` unless the rest is one or more
 * digits 0-9 of a safe integer (a number too large to count on is not one).
 */
function seriesNumber(id: string, start: number): number | undefined {
  const length = id.length - start;
  if (length <= 0) return undefined;
  let value = 0;
  for (let i = start; i < id.length; i += 1) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  // Up to 15 digits the sum is exact; longer runs (leading zeros, huge numbers) are parsed whole.
  if (length <= 15) return value;
  const parsed = Number(id.slice(start));
  return Number.isSafeInteger(parsed) ? parsed : undefined;
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
