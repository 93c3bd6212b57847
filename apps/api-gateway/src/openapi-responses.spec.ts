import { readFileSync } from 'node:fs';
import { generateResponseSchemas, RESPONSES_FILE } from './openapi-responses';

describe('openapi-responses.json', () => {
  it('is what the handlers return today (else: npx nx run api-gateway:openapi-responses)', () => {
    const generated = generateResponseSchemas();
    expect(JSON.parse(readFileSync(RESPONSES_FILE, 'utf8'))).toEqual(generated);
    // A handler returning `any` would be refused above; spot-check that views arrive whole.
    expect(generated.operations['LocationsController_list']).toEqual({
      $ref: '#/components/schemas/LocationViewPage',
    });
    expect(generated.schemas['LocationViewPage']).toMatchObject({
      required: ['items', 'total', 'limit', 'offset'],
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/LocationView' } } },
    });
    expect(generated.schemas['LocationView']).toMatchObject({
      properties: { phone: { type: 'string', nullable: true }, version: { type: 'number' } },
    });
  }, 180_000);
});
