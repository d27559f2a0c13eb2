import type { Link } from '../document';
import type { Facts } from './link-facts';

/** What one link adds to the link notes. */
export interface Part {
  readonly link: Link;
  /** The ids of its source's and its target's hosts (two fields: no list per link of 408,401). */
  readonly from: string;
  readonly to: string;
  readonly dynamic: Facts | undefined;
  readonly direction: 'both' | 'server' | undefined;
  readonly remote: boolean;
}

/** Whether two parts of a link add the same to the notes (facts are shared per pair of host kinds). */
export const samePart = (a: Part, b: Part) =>
  a.link === b.link &&
  a.dynamic === b.dynamic &&
  a.direction === b.direction &&
  a.remote === b.remote &&
  a.from === b.from &&
  a.to === b.to;
