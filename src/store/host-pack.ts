/**
 * The hosts of a restored document as columns, for the parse worker's post (issue 18). JSON text
 * of 100,000 hosts is 12 MB that the worker writes and the page reads back character by character;
 * as columns, the host's texts are one string, and the roles lists and options objects (a few
 * hundred distinct ones in an estate) are posted once each and given to every host that has them.
 *
 * Only hosts exactly as restore makes them are packed: the fields of `Host` in restore's order, text
 * where text is due, roles a list of texts, options an object of texts, booleans and finite numbers.
 * Anything else goes as JSON text (parse-pack.ts).
 */
import type { Host, HostOptions } from '@/domain/document';
import { HOST_TEXT_FIELDS } from '@/domain/host-line-scan';
import type { HostColumns } from '@/domain/host-lines';

/** The hosts as columns: every host's texts, which optional fields it has, its roles and options. */
export interface PackedHosts {
  /**
   * Each host's id and name, then the optional texts it has (in {@link OPTIONAL} order), joined by
   * SEP; or, with {@link at}, a text that holds them.
   */
  readonly texts: string;
  /** Where each text lies in `texts` (from, to), for hosts read as lines (host-lines.ts). */
  readonly at?: Int32Array;
  /** Per host, a bit per field of {@link OPTIONAL} it has. */
  readonly shapes: Uint8Array;
  /** The distinct roles lists, and each host's place in them. */
  readonly roles: readonly (readonly string[])[];
  readonly roleAt: Int32Array;
  /** The distinct options objects, and each host's place in them. */
  readonly options: readonly HostOptions[];
  readonly optionAt: Int32Array;
}

/** The optional text fields of a host, in the order restore writes them after id, name, roles, options. */
const OPTIONAL = HOST_TEXT_FIELDS;
/** The shape of the usual host: ip, site and zone (restore makes it in one go). */
const USUAL = 0b01110;
/** Between two texts: no text of a packed host holds it. */
const SEP = '\u0000';

/** The key of a roles list: the same key for the same texts in the same order. */
function rolesKey(roles: readonly unknown[]): string | undefined {
  let key = `${roles.length}`;
  for (let i = 0; i < roles.length; i += 1) {
    const role = roles[i];
    if (typeof role !== 'string' || role.includes(SEP)) return undefined;
    key += SEP + role;
  }
  return key;
}

/** The key of an options object: its keys, value types and values in order; undefined if JSON would change it. */
function optionsKey(options: object): string | undefined {
  if (Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  let key = '';
  for (const name in options) {
    if (!Object.hasOwn(options, name) || name.includes(SEP)) return undefined;
    const value: unknown = (options as Record<string, unknown>)[name];
    if (typeof value === 'string') {
      if (value.includes(SEP)) return undefined;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value) || Object.is(value, -0)) return undefined;
    } else if (typeof value !== 'boolean') return undefined;
    key += `${name}${SEP}${typeof value}${value}${SEP}`;
  }
  return key;
}

/** The keys a host of this shape has, in restore's order. */
function keysOf(shape: number): readonly string[] {
  const keys = ['id', 'name', 'roles', 'options'];
  OPTIONAL.forEach((field, bit) => {
    if (shape & (1 << bit)) keys.push(field);
  });
  return keys;
}

/** The place of the value with this key in `values`, added there when it is the first. */
function placeOf<T>(places: Map<string, number>, values: T[], key: string, value: T): number {
  let at = places.get(key);
  if (at === undefined) {
    at = values.length;
    values.push(value);
    places.set(key, at);
  }
  return at;
}

/**
 * The hosts as columns, or undefined when one is not as restore makes hosts.
 *
 * @param hosts - a restored document's hosts
 * @returns the columns; {@link unpackHosts} gives hosts equal to these, key for key
 */
export function packHosts(hosts: readonly Host[]): PackedHosts | undefined {
  const n = hosts.length;
  const texts: string[] = [];
  const shapes = new Uint8Array(n);
  const roles: (readonly string[])[] = [];
  const roleAt = new Int32Array(n);
  const options: HostOptions[] = [];
  const optionAt = new Int32Array(n);
  const roleKeys = new Map<string, number>();
  const optionKeys = new Map<string, number>();
  const shapeKeys = new Map<number, readonly string[]>();
  for (let i = 0; i < n; i += 1) {
    const host = hosts[i] as Host & Record<string, unknown>;
    let shape = 0;
    if (typeof host.id !== 'string' || typeof host.name !== 'string') return undefined;
    texts.push(host.id, host.name);
    for (let bit = 0; bit < OPTIONAL.length; bit += 1) {
      const value = host[OPTIONAL[bit] as string];
      if (value === undefined) continue;
      if (typeof value !== 'string') return undefined;
      shape |= 1 << bit;
      texts.push(value);
    }
    let keys = shapeKeys.get(shape);
    if (keys === undefined) {
      keys = keysOf(shape);
      shapeKeys.set(shape, keys);
    }
    // The fields in restore's order, and no other.
    let count = 0;
    for (const key in host) {
      if (!Object.hasOwn(host, key) || key !== keys[count]) return undefined;
      count += 1;
    }
    if (count !== keys.length) return undefined;
    shapes[i] = shape;
    if (!Array.isArray(host.roles) || typeof host.options !== 'object' || host.options === null)
      return undefined;
    const roleKey = rolesKey(host.roles);
    const optionKey = optionsKey(host.options);
    if (roleKey === undefined || optionKey === undefined) return undefined;
    roleAt[i] = placeOf(roleKeys, roles, roleKey, host.roles);
    optionAt[i] = placeOf(optionKeys, options, optionKey, host.options);
  }
  for (let i = 0; i < texts.length; i += 1) if ((texts[i] as string).includes(SEP)) return undefined;
  return { texts: texts.join(SEP), shapes, roles, roleAt, options, optionAt };
}

/**
 * The columns of a hosts list read line by line (host-lines.ts), packed: the list's text goes as it
 * is, with where each host's texts lie in it.
 *
 * @param columns - what `readHostLines` gave
 * @example unpackHosts(packColumns(readHostLines(text, catalogue)!))
 */
export function packColumns(columns: HostColumns): PackedHosts {
  const { text, at, shapes, roles, roleAt, options, optionAt } = columns;
  return { texts: text, at, shapes, roles, roleAt, options, optionAt };
}

/** The texts of packed hosts, in order. */
function textsOf(packed: PackedHosts): string[] {
  const { texts, at } = packed;
  if (!at) return texts.split(SEP);
  const all: string[] = new Array(at.length / 2);
  for (let k = 0; k < all.length; k += 1) all[k] = texts.slice(at[2 * k], at[2 * k + 1]);
  return all;
}

/**
 * The ids and names of packed hosts, in order, as {@link unpackHosts} makes them (for the hosts'
 * orders, host-orders.ts, worked out where the hosts were packed).
 *
 * @param packed - columns made by {@link packHosts} or {@link packColumns}
 * @example idsAndNames(packColumns(columns)).names[0];
 */
export function idsAndNames(packed: PackedHosts): { ids: string[]; names: string[] } {
  const texts = textsOf(packed);
  const { shapes } = packed;
  const n = shapes.length;
  const ids: string[] = new Array(n);
  const names: string[] = new Array(n);
  let t = 0;
  for (let i = 0; i < n; i += 1) {
    ids[i] = texts[t] as string;
    names[i] = texts[t + 1] as string;
    let shape = shapes[i] as number;
    t += 2;
    for (; shape !== 0; shape &= shape - 1) t += 1;
  }
  return { ids, names };
}

/**
 * The hosts the columns stand for, equal to those packed. Hosts with the same roles (options) share
 * the one list (object): the store never changes one in place.
 *
 * @param packed - columns made by {@link packHosts} (after a structured clone)
 */
export function unpackHosts(packed: PackedHosts): Host[] {
  const { shapes, roles, roleAt, options, optionAt } = packed;
  const texts = textsOf(packed);
  const n = shapes.length;
  const hosts: Host[] = new Array(n);
  let t = 0;
  for (let i = 0; i < n; i += 1) {
    const shape = shapes[i] as number;
    const id = texts[t] as string;
    const name = texts[t + 1] as string;
    const hostRoles = roles[roleAt[i] as number] as Host['roles'];
    const hostOptions = options[optionAt[i] as number] as HostOptions;
    t += 2;
    if (shape === USUAL) {
      hosts[i] = {
        id,
        name,
        roles: hostRoles,
        options: hostOptions,
        ip: texts[t] as string,
        site: texts[t + 1] as string,
        zone: texts[t + 2] as string,
      };
      t += 3;
      continue;
    }
    const host: Record<string, unknown> = { id, name, roles: hostRoles, options: hostOptions };
    for (let bit = 0; bit < OPTIONAL.length; bit += 1) {
      if (shape & (1 << bit)) {
        host[OPTIONAL[bit] as string] = texts[t];
        t += 1;
      }
    }
    hosts[i] = host as unknown as Host;
  }
  return hosts;
}
