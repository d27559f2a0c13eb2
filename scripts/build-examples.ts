/**
 * Writes the example topologies to data/examples (`npm run build:examples`); run it after a
 * catalogue or document-format change. The examples themselves are in scripts/examples.ts.
 */
import { writeFileSync } from 'node:fs';
import { exampleFiles } from './examples';

const out = new URL('../data/examples/', import.meta.url);
for (const { file, text } of exampleFiles()) writeFileSync(new URL(file, out), text);
console.log('examples written');
