import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSchemas } from './json-schemas.ts';

// Writes the committed JSON Schemas; test/model checks they are current.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'schemas');
mkdirSync(root, { recursive: true });
for (const [name, text] of Object.entries(renderSchemas())) writeFileSync(join(root, name), text);
