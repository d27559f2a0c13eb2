/** Small helpers for the benchmarks: medians, timing, formatting, pass/fail marks. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median milliseconds. */
export async function timeMedian(fn: () => unknown, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export interface Figure {
  readonly group: string;
  readonly name: string;
  readonly value: string;
  readonly target?: string;
  /** undefined: no target for this figure. */
  readonly pass?: boolean;
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The figures as a plain-text table, each beside its target with a pass/fail mark. */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    f.value,
    f.target ?? '',
    f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
  ]);
  const header = ['area', 'measure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
