/**
 * Site bands kept across edits (issue 18): siteFrames walks every host; an edit that keeps each
 * changed host in its site (and placed or not as before) re-frames only the sites of those hosts.
 * Pure: no React.
 */
import { type SiteFrame, siteFrames } from '@/domain/zones/site-frames';
import { changedHosts, type HostState } from './host-changes';

/** The site frames of one state, and what the next call needs to keep them. */
export interface SiteBands {
  readonly state: HostState;
  readonly frames: readonly SiteFrame[];
  /** Each site code's placed hosts, as indexes in document order. */
  readonly members: ReadonlyMap<string, readonly number[]>;
  /** Each site code's place in `frames`. */
  readonly place: ReadonlyMap<string, number>;
}

/** A host's site code, when it has one and a position (every host has one in a layout column). */
const placed = (state: HostState, i: number): string | undefined => {
  const host = state.hosts[i]!;
  return host.site && (state.xy || state.layout[host.id]) ? host.site : undefined;
};

/** The sites of the changed hosts, or undefined when one changed its site or was placed or unplaced. */
function touchedSites(
  before: HostState,
  after: HostState,
  changed: readonly number[],
): Set<string> | undefined {
  const touched = new Set<string>();
  for (const i of changed) {
    const site = placed(after, i);
    if (site !== placed(before, i)) return undefined;
    if (site !== undefined) touched.add(site);
  }
  return touched;
}

/**
 * The frames siteFrames gives for `state`, re-framing only the sites an edit touched since `previous`.
 *
 * @param state - hosts, positions and sizes
 * @param previous - the last call's result, if any
 */
export function siteBands(state: HostState, previous?: SiteBands): SiteBands {
  const changed = previous ? changedHosts(previous.state, state) : undefined;
  const touched = previous && changed ? touchedSites(previous.state, state, changed) : undefined;
  if (previous && touched) {
    if (touched.size === 0) return { ...previous, state };
    const frames = [...previous.frames];
    for (const code of touched) {
      const hosts = (previous.members.get(code) ?? []).map((i) => state.hosts[i]!);
      const [frame] = siteFrames(hosts, state.layout, state.measured);
      const at = previous.place.get(code);
      if (frame && at !== undefined) frames[at] = frame;
    }
    return { ...previous, state, frames };
  }
  const members = new Map<string, number[]>();
  for (let i = 0; i < state.hosts.length; i += 1) {
    const site = placed(state, i);
    if (site === undefined) continue;
    const list = members.get(site);
    if (list) list.push(i);
    else members.set(site, [i]);
  }
  const frames = siteFrames(state.hosts, state.layout, state.measured, state.xy);
  return { state, frames, members, place: new Map(frames.map((f, k) => [f.code, k])) };
}
