import editions from '@data/catalogue/de/editions.json';
import notes from '@data/catalogue/de/notes.json';
import roles from '@data/catalogue/de/roles.json';
import rules from '@data/catalogue/de/rules.json';
import services from '@data/catalogue/de/services.json';
import settings from '@data/catalogue/de/settings.json';
import supplementary from '@data/catalogue/de/supplementary.json';
import type { GermanFiles } from './german';
import { DE } from './resources-de';

/** Every German file: the messages and the catalogue's words. Loaded as one piece. */
export const GERMAN: GermanFiles = {
  messages: DE,
  catalogue: { editions, notes, roles, rules, services, settings, supplementary },
};
