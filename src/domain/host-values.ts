/**
 * The values of hosts read line by line (host-lines.ts), each restored exactly as restore-hosts.ts
 * restores it: a value seen for the first time goes through `restoreHosts` itself, in a host of that
 * one field, and is kept only when it restores without a report line (then every host holding the
 * same value restores it the same way, whatever its name). An estate of 100,000 hosts has a few
 * hundred distinct roles lists, options objects, site codes and zones, so each is restored once;
 * the texts every host has its own of (name, address, FQDN, notes) are taken as they are where
 * restore's own tests say restore keeps them so, and restored like the others where not.
 */
import type { Catalogue } from './catalogue-types';
import { type HostOptions, TEXT_LIMIT } from './document';
import { checkFqdn } from './host-fields';
import { plainIpv4 } from './ip';
import type { Message } from './message';
import { restoreHosts } from './restore-hosts';
import { scanLimits } from './restore-scan';

/** A value restore would report (or refuse): the lines are then read as JSON. */
export const REPORTED = Symbol('reported');

/** A field's value as restored: kept (maybe changed), dropped without a word (undefined) or reported. */
type Restored<T> = T | undefined | typeof REPORTED;

/** A parsed value as one host of that field restores it. */
function restoreField(field: string, value: unknown, catalogue: Catalogue): Restored<unknown> {
  const problems: Message[] = [];
  const restored = restoreHosts([{ id: 'h', name: 'h', [field]: value }], catalogue, problems);
  if (problems.length > 0 || !('hosts' in restored)) return REPORTED;
  return (restored.hosts[0] as unknown as Record<string, unknown>)[field];
}

/** Whether the text from `from` to `to` surely is not blank: its first character is printable ASCII other than a space. */
const surelyNotBlank = (s: string, from: number, to: number): boolean => {
  const c = s.charCodeAt(from);
  return to > from && c > 32 && c < 127;
};

/** A text restore keeps exactly as the file has it: the caller takes it from the file's text. */
export const AS_IS = Symbol('as is');

/** A text field's value as restored, from its place in the file's text. */
export type RestoredText = Restored<string> | typeof AS_IS;

/** A value restored from its text: AS_IS when restore keeps it as it is. */
const asIs = (text: string, value: Restored<string>): RestoredText => (value === text ? AS_IS : value);

/** A list or object parsed from its text and restored, with the count of values the caps scan gives it. */
interface Parsed<T> {
  readonly value: Restored<T>;
  readonly values: number;
}

/**
 * The values of one file's hosts, restored against the catalogue of the document's edition; each
 * distinct site code and zone once (the caller keeps each roles list and options object per text).
 */
export class HostValues {
  private readonly texts = new Map<string, Map<string, RestoredText>>();
  /** The last text of each field and its value: neighbours in a list mostly share them. */
  private readonly last: Record<string, readonly [string, RestoredText] | undefined> = {};

  constructor(private readonly catalogue: Catalogue) {}

  /** A roles list from its JSON text, as restored, and its count of values (the caller keeps it per text). */
  roles(json: string): Parsed<readonly string[]> {
    return this.parsed('roles', json) as Parsed<readonly string[]>;
  }

  /** An options object from its JSON text, as restored, and its count of values (the caller keeps it per text). */
  options(json: string): Parsed<HostOptions> {
    return this.parsed('options', json) as Parsed<HostOptions>;
  }

  /** A text field shared by many hosts (site, zone), from `from` to `to` in `s`, as restored. */
  shared(field: 'site' | 'zone', s: string, from: number, to: number): RestoredText {
    const last = this.last[field];
    if (last !== undefined && last[0].length === to - from && s.startsWith(last[0], from)) return last[1];
    const text = s.slice(from, to);
    let known = this.texts.get(field);
    if (!known) {
      known = new Map();
      this.texts.set(field, known);
    }
    let value = known.get(text);
    if (value === undefined && !known.has(text)) {
      value = asIs(text, restoreField(field, text, this.catalogue) as Restored<string>);
      known.set(text, value);
    }
    this.last[field] = [text, value];
    return value;
  }

  /** A host's name, from `from` to `to` in `s`: undefined when blank (the host's id stands in). */
  name(s: string, from: number, to: number): RestoredText {
    if (to - from > TEXT_LIMIT) return REPORTED;
    return surelyNotBlank(s, from, to) || s.slice(from, to).trim() !== '' ? AS_IS : undefined;
  }

  /** A host's address: plain IPv4 as it is, anything else restored. */
  ip(s: string, from: number, to: number): RestoredText {
    if (plainIpv4(s, from, to)) return AS_IS;
    const text = s.slice(from, to);
    return asIs(text, restoreField('ip', text, this.catalogue) as Restored<string>);
  }

  /** A host's FQDN: kept as it is when the inspector's rule accepts it, anything else restored. */
  fqdn(s: string, from: number, to: number): RestoredText {
    const text = s.slice(from, to);
    if (text.length <= TEXT_LIMIT && surelyNotBlank(text, 0, text.length) && checkFqdn(text) === undefined)
      return AS_IS;
    return asIs(text, restoreField('fqdn', text, this.catalogue) as Restored<string>);
  }

  /** A host's notes: any text up to the limit, none when empty. */
  notes(_s: string, from: number, to: number): RestoredText {
    if (to - from > TEXT_LIMIT) return REPORTED;
    return to === from ? undefined : AS_IS;
  }

  private parsed(field: string, json: string): Parsed<unknown> {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      raw = REPORTED;
    }
    const counted = { values: 0 };
    // Three levels in: the hosts list, the host, its field.
    return raw === REPORTED || scanLimits(raw, counted, 3)
      ? { value: REPORTED, values: 0 }
      : { value: restoreField(field, raw, this.catalogue), values: counted.values };
  }
}
