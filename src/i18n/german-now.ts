/**
 * Imported for its effect: the German words are here from the start. For the CLI, the export
 * worker and the tests; the app loads them on first use instead (load-german.ts).
 */
import { provideGerman } from './german';
import { GERMAN } from './german-data';

provideGerman(GERMAN);
