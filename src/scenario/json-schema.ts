/** The scenario schema as JSON Schema (draft 2020-12), for editor completion and checks. */
import { z } from 'zod';
import { scenarioSchema } from './scenario-schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input' }),
    $id: 'https://expansim.dev/expansim.schema.json',
    title: 'expansim scenario',
  };
}
