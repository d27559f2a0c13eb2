import notes from '@data/catalogue/notes.json';
import roles from '@data/catalogue/roles.json';
import rules from '@data/catalogue/rules.json';
import services from '@data/catalogue/services.json';
import settings from '@data/catalogue/settings.json';
import supplementary from '@data/catalogue/supplementary.json';
import { buildCatalogue } from './catalogue';
import type { Catalogue } from './catalogue-types';

/** The catalogue shipped in data/catalogue, validated once when first imported. */
export const catalogue: Catalogue = buildCatalogue({
  roles,
  rules,
  services,
  notes,
  settings,
  supplementary,
});
