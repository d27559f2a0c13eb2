import { DE, EN, NAMESPACES, type Namespace } from '@/i18n/resources';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each English catalogue text that German writes differently, as a pattern (values match anything). */
function englishPatterns(namespaces: readonly Namespace[]): { key: string; pattern: RegExp }[] {
  return namespaces.flatMap((ns) => {
    const german = new Map(flatten(DE[ns] as Tree));
    return flatten(EN[ns] as Tree)
      .filter(
        ([key, text]) => german.get(key) !== text && text.replace(/\{\{[^}]*\}\}/g, '').trim().length > 2,
      )
      .map(([key, text]) => ({
        key: `${ns}:${key}`,
        pattern: new RegExp(
          `^${text
            .split(/\{\{[^}]*\}\}/)
            .map(escapeRegExp)
            .join('.*?')}$`,
          's',
        ),
      }));
  });
}

/** English function words: a text holding one is English that no catalogue holds yet. */
const ENGLISH_WORDS =
  /\b(the|and|with|from|this|that|your|is|are|not|of|to|for|on|by|or|no|one|none|add|remove)\b/i;

/** Every text a user reads or hears in a container: text nodes, labels, titles, placeholders. */
export function visibleTexts(root: Element): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) texts.push(text);
  }
  for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      const value = el.getAttribute(name)?.trim();
      if (value) texts.push(value);
    }
  }
  return texts;
}

/**
 * The English a German render still shows: texts equal to an English catalogue text (German has its
 * own), and texts with English function words (text no catalogue holds). `allow` exempts data the
 * test itself put in (host names, file names).
 *
 * @example
 * expect(englishIn(container, { allow: [/^P01-/] })).toEqual([]);
 */
export function englishIn(
  root: Element,
  options: { readonly namespaces?: readonly Namespace[]; readonly allow?: readonly RegExp[] } = {},
): string[] {
  const patterns = englishPatterns(options.namespaces ?? NAMESPACES);
  const found = new Set<string>();
  for (const text of visibleTexts(root)) {
    if (options.allow?.some((a) => a.test(text))) continue;
    const hit = patterns.find((p) => p.pattern.test(text));
    if (hit) found.add(`${text}  (English of ${hit.key})`);
    else if (ENGLISH_WORDS.test(text)) found.add(`${text}  (English words, in no catalogue)`);
  }
  return [...found];
}
