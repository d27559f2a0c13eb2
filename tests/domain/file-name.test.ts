import { fileName } from '@/domain/file-name';

const now = new Date(2026, 10, 25, 14, 3);

describe('fileName', () => {
  it('names a file after the diagram, with the local date when given', () => {
    expect(fileName('Standalone primary site', 'xlsx', { date: now })).toBe(
      'standalone-primary-site-2026-11-25.xlsx',
    );
    expect(fileName('Hierarchy', 'csv', { date: new Date(2027, 0, 5) })).toBe('hierarchy-2027-01-05.csv');
    expect(fileName('Hierarchy: CAS, two primaries', 'cmports.json')).toBe(
      'hierarchy-cas-two-primaries.cmports.json',
    );
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd-2026-11-25.json'],
    ['C:\\Windows\\System32', 'c-windows-system32-2026-11-25.json'],
    ['Zürich Süd / Köln', 'zurich-sud-koln-2026-11-25.json'],
    ['abc\u202Egpj.exe', 'abc-gpj-exe-2026-11-25.json'],
    ['שרת ראשי', 'שרת-ראשי-2026-11-25.json'],
    ['<img src=x onerror=alert(1)>', 'img-src-x-onerror-alert-1-2026-11-25.json'],
    ['   ', 'flow-matrix-2026-11-25.json'],
    ['🖥️🖥️', 'flow-matrix-2026-11-25.json'],
    ['CON', 'con-2026-11-25.json'],
  ])('makes %j safe', (name, expected) => {
    expect(fileName(name, 'json', { date: now, fallback: 'flow-matrix' })).toBe(expected);
  });

  it('falls back to topology when the name leaves nothing and no fallback is given', () => {
    expect(fileName('<>', 'cmports.json')).toBe('topology.cmports.json');
    expect(fileName('', 'png')).toBe('topology.png');
  });

  it('keeps long names short', () => {
    const name = fileName('a'.repeat(500), 'xlsx', { date: now });
    expect(name).toBe(`${'a'.repeat(80)}-2026-11-25.xlsx`);
  });
});
