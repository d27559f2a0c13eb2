/**
 * `npm run fuzz [-- <cases>] [-- --seed <n>]`: runs the restore fuzzer (tests/domain/restore-fuzz-cases.ts)
 * for many cases (100,000 by default, or FUZZ_RUNS) and prints how many were read, refused, threw,
 * took over 2 s or broke an invariant, with the first few failures. Exits 1 when any failed.
 */

import fc from 'fast-check';
import { type FuzzCase, fuzzCaseArb, type Outcome, runCase } from '../tests/domain/restore-fuzz-cases';

const args = process.argv.slice(2).filter((a) => a !== '--');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : Date.now() % 2 ** 31;
const countArg = args.find((a, i) => /^\d+$/.test(a) && (seedAt < 0 || i !== seedAt + 1));
const cases = Number(countArg ?? process.env.FUZZ_RUNS ?? 100_000);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [cases] [--seed n]');
  process.exit(2);
}

const counts: Record<Outcome, number> = { ok: 0, refused: 0, throw: 0, hang: 0, invariant: 0 };
const failures: { outcome: Outcome; detail: string; c: FuzzCase }[] = [];
let slowest = 0;
const started = performance.now();

fc.assert(
  fc.property(fuzzCaseArb, (c) => {
    const { outcome, detail, ms } = runCase(c);
    counts[outcome] += 1;
    slowest = Math.max(slowest, ms);
    if (outcome !== 'ok' && outcome !== 'refused' && failures.length < 5) {
      failures.push({ outcome, detail: detail ?? '', c });
    }
    const done = Object.values(counts).reduce((a, b) => a + b, 0);
    if (done % 10_000 === 0) console.error(`… ${done} cases`);
    return true;
  }),
  { numRuns: cases, seed },
);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`seed ${seed}: ${cases} cases in ${seconds} s (slowest ${Math.round(slowest)} ms)`);
console.log(`  read ${counts.ok}, refused ${counts.refused}`);
console.log(`  throws ${counts.throw}, hangs (>2 s) ${counts.hang}, invariant failures ${counts.invariant}`);
for (const f of failures) {
  const shown = JSON.stringify(f.c, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 300);
  console.log(`  ${f.outcome}: ${f.detail.slice(0, 200)}\n    case ${shown}`);
}
process.exit(counts.throw + counts.hang + counts.invariant > 0 ? 1 : 0);
