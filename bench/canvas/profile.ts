/**
 * CPU profiles of our page during the canvas benchmark: `CANVAS_PROFILE=pan` (or `drag`, `mount`)
 * prints the functions with the most self time in that part of each of our runs, built unminified.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** What the environment asks to profile, if anything. */
export const PROFILE = process.env.CANVAS_PROFILE as 'pan' | 'drag' | 'mount' | undefined;

/** Starts the profiler on `page` (the sampling interval 200 µs). */
export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Where each profile is also written as a .cpuprofile (DevTools opens it), numbered; unset: nowhere. */
const OUT = process.env.CANVAS_PROFILE_OUT;
let written = 0;

/**
 * Stops the profiler and prints the 25 functions with the most self time to stderr (and writes
 * the whole profile to `CANVAS_PROFILE_OUT`-n.cpuprofile when that is set).
 */
export async function printProfile(cdp: CDPSession, title: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] };
  };
  await cdp.detach();
  if (OUT) {
    written += 1;
    writeFileSync(`${OUT}-${written}.cpuprofile`, JSON.stringify(profile));
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const f = byId.get(samples[i]!)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    const ms = (deltas[i] ?? 0) / 1000;
    if (f.functionName !== '(idle)') total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  }
  console.error(`\n${title}: ${total.toFixed(0)} ms sampled (not idle)`);
  const top = [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  for (const [k, v] of top.slice(0, 25))
    console.error(`${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
}
