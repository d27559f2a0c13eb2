import type { FarPalette } from '@/canvas/far-paint';

/** The far layer's colours as the tests give them: short codes to read in recorded calls. */
export function testPalette(zones: Readonly<Record<string, string>> = {}): FarPalette {
  return {
    link: '#000',
    host: '#ccc',
    chosen: '#00f',
    zones,
    zoneFill: 0.06,
    siteFill: '#eee',
    siteEdge: '#999',
    missing: { error: '#e00', warning: '#fa0', info: '#888' },
  };
}
