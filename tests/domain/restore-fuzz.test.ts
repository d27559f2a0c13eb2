import fc from 'fast-check';
import { fuzzCaseArb, runCase } from './restore-fuzz-cases';

// A few thousand cases keep this file near 10 s on a busy two-core machine; `npm run fuzz` runs
// 100,000. FUZZ_RUNS and FUZZ_SEED reproduce a run (fast-check prints the seed of a failure).
const runs = Number(process.env.FUZZ_RUNS) || 2500;
const seed = Number(process.env.FUZZ_SEED) || undefined;

describe('restoreDocument under fuzzing', () => {
  it(`never throws, never hangs and keeps every invariant (${runs} cases)`, () => {
    fc.assert(
      fc.property(fuzzCaseArb, (c) => {
        const { outcome, detail } = runCase(c);
        if (outcome === 'throw' || outcome === 'hang' || outcome === 'invariant') {
          throw new Error(`${outcome}: ${detail ?? ''}`);
        }
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );
    // ~10 s alone; a loaded two-core machine (load 15) has taken over 30 s.
  }, 180_000);

  it('reaches every kind of outcome it should: documents and refusals', () => {
    const outcomes = fc.sample(fuzzCaseArb, { numRuns: 300, seed: 15 }).map((c) => runCase(c).outcome);
    expect(outcomes).toContain('ok');
    expect(outcomes).toContain('refused');
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(100);
  });
});
