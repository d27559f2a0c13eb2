import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n } from '@/i18n/create-i18n';
import { LANGUAGES } from '@/i18n/languages';
import { NAMESPACES, RESOURCES } from '@/i18n/resources';

type Tree = { readonly [key: string]: string | Tree };

/** `{ a: { b: 'x' } }` as `[['a.b', 'x']]`. */
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('message catalogues', () => {
  it('holds the same keys in every language, none empty, with the same {{values}}', () => {
    for (const ns of NAMESPACES) {
      const english = new Map(flatten(RESOURCES.en[ns] as Tree));
      for (const language of LANGUAGES) {
        const other = new Map(flatten(RESOURCES[language][ns] as Tree));
        const missing = [...english.keys()]
          .filter((k) => !other.has(k))
          .map((k) => `${language} lacks ${ns}:${k}`);
        const extra = [...other.keys()]
          .filter((k) => !english.has(k))
          .map((k) => `${language} has extra ${ns}:${k}`);
        expect([...missing, ...extra]).toEqual([]);
        for (const [key, text] of other) {
          expect(text.trim(), `${language} ${ns}:${key} is empty`).not.toBe('');
          expect(variables(text), `${language} ${ns}:${key} names other values than English`).toEqual(
            variables(english.get(key) ?? ''),
          );
        }
      }
    }
  });

  it('holds every key the source names as `ns:key` (messages from the domain, keys in tables)', () => {
    const i18n = createI18n('en');
    const unknown: string[] = [];
    const names = NAMESPACES.join('|');
    const pattern = new RegExp(`['\`"]((?:${names}):[A-Za-z0-9_.]+)['\`"]`, 'g');
    for (const file of sourceFiles('src')) {
      // Comments show example keys; code is what must match.
      const code = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n');
      for (const [, key] of code.matchAll(pattern)) {
        // A plural key exists as key_one and key_other.
        if (!i18n.exists(key as string) && !i18n.exists(`${key}_other`)) unknown.push(`${file}: ${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('names {{source}} first and {{target}} after it in each justification (rowWords cuts the sentence there)', () => {
    for (const language of LANGUAGES) {
      const text = new Map(flatten(RESOURCES[language].matrix as Tree)).get('row.justification') ?? '';
      const values = [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]);
      expect(text.startsWith('{{source}}'), `${language}: starts with {{source}}`).toBe(true);
      expect(
        values.filter((v) => v === 'source'),
        `${language}: {{source}} once`,
      ).toHaveLength(1);
      expect(
        values.filter((v) => v === 'target'),
        `${language}: {{target}} once`,
      ).toHaveLength(1);
      expect(values.indexOf('target'), `${language}: {{target}} after {{source}}`).toBeGreaterThan(
        values.indexOf('source'),
      );
    }
  });

  it('writes numbers the way each language does (Intl through the catalogue formatter)', () => {
    expect(createI18n('de').format(1234.5, 'number', 'de')).toBe('1.234,5');
    expect(createI18n('en').format(1234.5, 'number', 'en')).toBe('1,234.5');
  });
});
