import type { Catalogue, RoleId } from '@/domain/catalogue-types';
import { roleName as englishRunningName } from '@/domain/checks/wording';
import type { Language } from './languages';

/**
 * A role's name as a title (palette, inspector, workbook): the catalogue's English name, or its first
 * German name (the 2018 document's own words; the catalogue gives German names to newer roles too).
 *
 * @example
 * roleTitle(catalogue, 'management-point', 'de'); // 'Verwaltungspunkt'
 */
export function roleTitle(catalogue: Catalogue, role: RoleId, language: Language): string {
  const found = catalogue.roleById.get(role);
  if (!found) return role;
  return language === 'de' ? (found.namesDe[0] ?? found.name) : found.name;
}

/**
 * A role's name inside a sentence: English lower-cases common nouns ("management point"); German
 * nouns keep their capital.
 *
 * @example
 * roleInText(catalogue, 'management-point', 'en'); // 'management point'
 */
export function roleInText(catalogue: Catalogue, role: RoleId, language: Language): string {
  return language === 'de' ? roleTitle(catalogue, role, language) : englishRunningName(catalogue, role);
}
