import { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { SchemaConverter } from 'class-validator-jsonschema/build/defaultConverters';
import type { IOptions } from 'class-validator-jsonschema/build/options';
import type { Response } from 'express';
import type { ResponseSchemas } from './openapi-responses';
import generated from './openapi-responses.json';

// class-transformer ships the storage of its `@Type()` metadata (to follow nested classes) untyped.
const { defaultMetadataStorage } =
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

const SCHEMAS = '#/components/schemas/';
const responses = generated as ResponseSchemas;

type Schema = SchemaObject | ReferenceObject;

/**
 * A custom validator (`@IsNpi()`, `@IsUsPhone()`, `@IsCalendarDate()`…) says nothing about the
 * type, and a `string | null` property is reflected as `Object`: without this the schema would be
 * `$ref: #/components/schemas/Object`, which does not exist. Every custom rule of the contracts
 * checks a string, except the payer-ID map.
 */
function customValidationSchema(meta: ValidationMetadata): SchemaObject {
  const type: unknown = Reflect.getMetadata(
    'design:type',
    (meta.target as { prototype: object }).prototype,
    meta.propertyName,
  );
  const name = getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0]?.name ?? '';
  if (/payerids/i.test(name) || /payerIds/.test(meta.propertyName))
    return { type: 'object', additionalProperties: { type: 'string' } };
  if (type === Number) return { type: 'number' };
  if (type === Boolean) return { type: 'boolean' };
  if (type === Array) return { type: 'array', items: { type: 'string' } };
  return { type: 'string' };
}

/** `@ValidateIf((_, v) => v !== null)` is how a contract says a field may be null: say so too. */
function conditionalSchema(meta: ValidationMetadata): SchemaObject {
  if (meta.name === 'isOptional') return {};
  const condition = meta.constraints[0] as (o: object, v: unknown) => boolean;
  try {
    return condition({ [meta.propertyName]: null }, null) === false ? { nullable: true } : {};
  } catch {
    return {};
  }
}

const conversionOptions: Partial<IOptions> = {
  refPointerPrefix: SCHEMAS,
  classTransformerMetadataStorage: defaultMetadataStorage,
  additionalConverters: {
    [ValidationTypes.CUSTOM_VALIDATION]: customValidationSchema as unknown as SchemaConverter,
    [ValidationTypes.CONDITIONAL_VALIDATION]: conditionalSchema as unknown as SchemaConverter,
  },
};

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'An RFC 9457 problem document; `errors` names each refused field.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    currentVersion: { type: 'integer', description: 'On 409: the version to reload.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: {
          field: { type: 'string', description: 'Dotted path of the field, e.g. `address.zip`.' },
          rule: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
  additionalProperties: true,
};

const ERRORS: Record<string, string> = {
  '400': 'Malformed JSON, or a body nested too deep or too wide',
  '401': 'No, an expired or an invalid access token',
  '403': 'The role may not do this',
  '404': "No such record (or another practice's)",
  '409': 'Stale version or a conflicting record',
  '413': 'The body is larger than the limit',
  '415': 'The body is not application/json',
  '422': 'Some fields are not valid (`errors` names each)',
  '429': 'Too many requests',
  '503': 'A service is not available',
  '504': 'A service did not answer in time',
};

const problemResponse = (description: string): ResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: `${SCHEMAS}Problem` } } },
});

/**
 * What a route returns, from `openapi-responses.json`. A route missing there (a new handler whose
 * file was not regenerated) gets an empty object, which the OpenAPI integration test refuses.
 */
function successSchema(operationId: string | undefined): Schema {
  return (responses.operations[operationId ?? ''] as Schema | undefined) ?? { type: 'object' };
}

/**
 * Path parameters in the order the path names them, in the slots path parameters hold: `@InPractice()`
 * documents `practiceId` apart from the handler's `@Param`s, which Swagger would list first.
 */
function inPathOrder(
  path: string,
  parameters: (ParameterObject | ReferenceObject)[],
): (ParameterObject | ReferenceObject)[] {
  const isPath = (p: ParameterObject | ReferenceObject): p is ParameterObject => 'in' in p && p.in === 'path';
  const sorted = parameters
    .filter(isPath)
    .sort((a, b) => path.indexOf(`{${a.name}}`) - path.indexOf(`{${b.name}}`));
  return parameters.map((p) => (isPath(p) ? (sorted.shift() as ParameterObject) : p));
}

/** Query-string classes (`@Query() q: ListPracticesQuery`) as parameters, keyed by operation id. */
/** Where `@ApiProduces` keeps its types (`DECORATORS.API_PRODUCES` of @nestjs/swagger, not exported). */
const API_PRODUCES = 'swagger/apiProduces';

/**
 * The media types of the routes that answer a file (`@ApiProduces('application/pdf')` on the
 * handler, e.g. a CMS-1500 or an 837P), by operation id: their success is that file, not JSON.
 */
function fileResponses(app: INestApplication): Map<string, string[]> {
  const byOperation = new Map<string, string[]>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[method];
        if (typeof handler !== 'function') continue;
        const produces: string[] | undefined = Reflect.getMetadata(API_PRODUCES, handler);
        if (produces?.length) byOperation.set(`${controller.name}_${method}`, produces);
      }
    }
  }
  return byOperation;
}

function queryParameters(app: INestApplication): Map<string, ParameterObject[]> {
  const byOperation = new Map<string, ParameterObject[]>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { name: string; prototype: object } | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args: Record<string, { index: number; data?: unknown }> =
          Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
        const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
        for (const [key, arg] of Object.entries(args)) {
          if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY || arg.data !== undefined) continue;
          const type = types[arg.index];
          if (typeof type !== 'function' || type === Object) continue;
          const schema = targetConstructorToSchema(
            type as new () => unknown,
            conversionOptions,
          ) as SchemaObject;
          const required = new Set(schema.required ?? []);
          byOperation.set(
            `${controller.name}_${method}`,
            Object.entries(schema.properties ?? {}).map(([name, property]) => ({
              name,
              in: 'query',
              required: required.has(name),
              schema: property as Schema,
            })),
          );
        }
      }
    }
  }
  return byOperation;
}

/** The components a document refers to, and those they refer to in turn. */
function reachableSchemas(document: OpenAPIObject, all: Record<string, Schema>): Record<string, Schema> {
  const kept: Record<string, Schema> = {};
  const pending = [JSON.stringify(document.paths)];
  while (pending.length > 0) {
    for (const [, name] of (pending.pop() as string).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      if (kept[name] || !all[name]) continue;
      kept[name] = all[name];
      pending.push(JSON.stringify(all[name]));
    }
  }
  return kept;
}

/**
 * Builds the OpenAPI document. Request schemas come from the class-validator metadata of the
 * contract classes, so the document says what the validation pipe enforces and nothing else;
 * only the classes a route uses are published (not, e.g., the configuration classes). Success
 * bodies are the handlers' return types (the contracts' views), generated by `openapi-responses.ts`.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Claimline API')
    .setDescription(
      'Practice settings, clients and insurance, enrollments and claims. Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const requests = validationMetadatasToSchemas(conversionOptions) as Record<string, Schema>;
  const clash = Object.keys(responses.schemas).filter((name) => name in requests || name === 'Problem');
  if (clash.length > 0) throw new Error(`response and request schemas share names: ${clash.join(', ')}`);
  const all = { ...requests, ...(responses.schemas as Record<string, Schema>), Problem: PROBLEM_SCHEMA };
  // OpenAPI 3.0 ignores the siblings of a $ref: a nullable nested class is an allOf.
  for (const { properties = {} } of Object.values(all) as SchemaObject[])
    for (const [name, property] of Object.entries(properties))
      if ('$ref' in property && (property as { nullable?: boolean }).nullable)
        properties[name] = { nullable: true, allOf: [{ $ref: property.$ref }] };
  const queries = queryParameters(app);
  const files = fileResponses(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      const query = queries.get(operation.operationId ?? '') ?? [];
      for (const parameter of (operation.parameters ?? []) as ParameterObject[])
        if (parameter.in === 'path' && parameter.name.endsWith('Id'))
          parameter.schema = { type: 'string', format: 'uuid' };
      const named = new Set(
        (operation.parameters ?? []).map((p: ParameterObject | ReferenceObject) =>
          'name' in p ? p.name : '',
        ),
      );
      operation.parameters = inPathOrder(path, [
        ...(operation.parameters ?? []),
        ...query.filter((p) => !named.has(p.name)),
      ]);
      for (const [status, response] of Object.entries(operation.responses) as [string, ResponseObject][]) {
        const produced = files.get(operation.operationId ?? '');
        if (status.startsWith('2') && produced) {
          operation.responses[status] = {
            description: response.description || 'The file',
            content: Object.fromEntries(
              produced.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
            ),
          };
          continue;
        }
        if (!status.startsWith('2') || response.content) continue;
        operation.responses[status] = {
          description: response.description || 'Success',
          ...(status !== '204' && {
            content: path.endsWith('/content')
              ? { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }
              : { 'application/json': { schema: successSchema(operation.operationId) } },
          }),
        };
      }
      for (const [status, description] of Object.entries(ERRORS))
        operation.responses[status] ??= problemResponse(description);
      operation.responses['500'] ??= problemResponse('A fault on our side (the request id helps find it)');
    }
  }
  document.components = {
    ...document.components,
    schemas: reachableSchemas(document, { ...(document.components?.schemas ?? {}), ...all }),
  };
  return document;
}

/** OpenAPI at /api/docs (the UI), its JSON at /api/docs-json and /api/docs/openapi.json. */
export function setUpOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  app
    .getHttpAdapter()
    .get('/api/docs-json', (_req: unknown, res: Response) => res.type('application/json').send(document));
}
