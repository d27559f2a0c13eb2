import type { Figure } from './stats';

/** Canvas figures need the designer; measured in headless Chromium (see issue 7). */
export async function measureCanvas(): Promise<Figure[]> {
  return [{ group: 'canvas', name: 'canvas benchmarks', value: 'not measured yet' }];
}
