import { z } from 'zod';
import { PlanDiffSchema } from './diff.ts';
import { LineageSchema } from './lineage.ts';
import { PlanSchema } from './plan.ts';

/** Renders every public schema as pretty JSON Schema text, keyed by file name. */
export function renderSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string): string =>
    `${JSON.stringify({ $id: id, ...z.toJSONSchema(schema, { io: 'output' }) }, null, 2)}\n`;
  return {
    'plan.schema.json': render(PlanSchema, 'https://plandiff.dev/schemas/plan.schema.json'),
    'diff.schema.json': render(PlanDiffSchema, 'https://plandiff.dev/schemas/diff.schema.json'),
    'lineage.schema.json': render(LineageSchema, 'https://plandiff.dev/schemas/lineage.schema.json'),
  };
}
