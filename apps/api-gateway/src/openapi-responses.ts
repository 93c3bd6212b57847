import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The success response schemas of the OpenAPI document, derived from what each handler returns.
 *
 * The views are TypeScript interfaces of the contracts (`PracticeView`, `Page<ClientView>` …),
 * which leave nothing at run time to reflect on. Rather than restate ~40 shapes as decorated
 * classes, this reads the gateway with the TypeScript checker, takes each route handler's
 * inferred return type (what the typed RPC client gives it, i.e. the contract's response type),
 * and writes it as JSON Schema to `openapi-responses.json`, which `openapi.ts` publishes. A unit
 * test regenerates it and fails when the file is stale; `npx nx run api-gateway:openapi-responses`
 * rewrites it. Not part of the build: the gateway never loads TypeScript at run time.
 */

type Json = Record<string, unknown>;

export interface ResponseSchemas {
  /** Operation id (`Controller_method`) → schema of its 2xx body. */
  operations: Record<string, Json>;
  /** Named schemas the operations refer to (`#/components/schemas/<name>`). */
  schemas: Record<string, Json>;
}

const ROOT = join(__dirname, '..', '..', '..');
export const RESPONSES_FILE = join(__dirname, 'openapi-responses.json');
const HTTP_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

function decoratorNames(node: ts.Node): string[] {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).map((d) => {
    const e = d.expression;
    const callee = ts.isCallExpression(e) ? e.expression : e;
    return ts.isIdentifier(callee) ? callee.text : '';
  });
}

class SchemaWriter {
  readonly schemas: Record<string, Json> = {};
  private readonly naming = new Map<ts.Type, string>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** A named interface or alias of our sources becomes a component; anything else is inlined. */
  private nameOf(type: ts.Type): string | undefined {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol || !(type.flags & ts.TypeFlags.Object)) return undefined;
    const declaration = symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile().isDeclarationFile) return undefined;
    if (!ts.isInterfaceDeclaration(declaration) && !ts.isTypeAliasDeclaration(declaration)) return undefined;
    const args = type.aliasTypeArguments ?? this.checker.getTypeArguments(type as ts.TypeReference) ?? [];
    const argNames = args.map((a) => this.nameOf(a) ?? this.checker.typeToString(a).replace(/\W/g, ''));
    return [...argNames, symbol.getName()].join('');
  }

  write(type: ts.Type, node: ts.Node): Json {
    const name = this.nameOf(type);
    if (name) {
      if (!this.naming.has(type)) {
        this.naming.set(type, name);
        this.schemas[name] = {};
        this.schemas[name] = this.inline(type, node);
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    return this.inline(type, node);
  }

  private inline(type: ts.Type, node: ts.Node): Json {
    const c = this.checker;
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))
      throw new Error(`${c.typeToString(type)} says nothing about a response`);
    if (type.flags & ts.TypeFlags.StringLiteral)
      return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (type.flags & ts.TypeFlags.NumberLiteral)
      return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (type.flags & ts.TypeFlags.BooleanLiteral)
      return { type: 'boolean', enum: [c.typeToString(type) === 'true'] };
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.isUnion()) return this.union(type.types, node);
    if (c.isArrayType(type) || c.isTupleType(type)) {
      const [item] = c.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: this.write(item, node) };
    }
    const symbol = type.getSymbol();
    if (symbol?.getName() === 'Date') return { type: 'string', format: 'date-time' };
    if (type.flags & ts.TypeFlags.Object) {
      const properties: Record<string, Json> = {};
      const required: string[] = [];
      for (const property of c.getPropertiesOfType(type)) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        const propertyType = c.getTypeOfSymbolAtLocation(property, declaration ?? node);
        if (propertyType.getCallSignatures().length > 0) continue;
        const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
        const schema = this.write(optional ? c.getNonNullableType(propertyType) : propertyType, node);
        const nullable = optional && this.acceptsNull(propertyType);
        properties[property.getName()] = nullable ? this.withNull(schema) : schema;
        const description = ts.displayPartsToString(property.getDocumentationComment(c)).trim();
        if (description && !('$ref' in properties[property.getName()]))
          properties[property.getName()] = { ...properties[property.getName()], description };
        if (!optional) required.push(property.getName());
      }
      const index = c.getIndexInfoOfType(type, ts.IndexKind.String);
      return {
        type: 'object',
        ...(required.length > 0 && { required }),
        properties,
        ...(index && { additionalProperties: this.write(index.type, node) }),
      };
    }
    throw new Error(`cannot describe ${c.typeToString(type)}`);
  }

  private acceptsNull(type: ts.Type): boolean {
    return type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Null);
  }

  private withNull(schema: Json): Json {
    return '$ref' in schema ? { nullable: true, allOf: [schema] } : { ...schema, nullable: true };
  }

  private union(types: ts.Type[], node: ts.Node): Json {
    const nullable = types.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    let schema: Json;
    if (rest.length > 0 && rest.every((t) => t.flags & ts.TypeFlags.StringLiteral))
      schema = { type: 'string', enum: rest.map((t) => (t as ts.StringLiteralType).value) };
    else if (rest.length > 0 && rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral))
      schema = { type: 'boolean' };
    else if (rest.length === 1) schema = this.write(rest[0], node);
    else schema = { oneOf: rest.map((t) => this.write(t, node)) };
    return nullable ? this.withNull(schema) : schema;
  }
}

/** Reads the gateway's controllers and describes what each route returns. */
export function generateResponseSchemas(): ResponseSchemas {
  const configFile = join(ROOT, 'apps/api-gateway/tsconfig.app.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configFile}`);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: config.options,
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (problems.length > 0)
    throw new Error(
      ts.formatDiagnostics(problems.slice(0, 5), {
        ...ts.sys,
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      }),
    );
  const checker = program.getTypeChecker();
  const writer = new SchemaWriter(checker);
  const operations: Record<string, Json> = {};
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.endsWith('.controller.ts') || relative(ROOT, file.fileName).startsWith('..')) continue;
    for (const statement of file.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      if (!decoratorNames(statement).includes('Controller')) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const names = decoratorNames(member);
        if (!names.some((n) => HTTP_DECORATORS.has(n))) continue;
        // 204s have no body; a file download is described as binary by `openapi.ts`.
        if (answersNoContent(member) || member.type?.getText() === 'Promise<StreamableFile>') continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        let returned = checker.getReturnTypeOfSignature(signature);
        returned = checker.getAwaitedType(returned) ?? returned;
        if (returned.flags & ts.TypeFlags.Void) continue;
        const id = `${statement.name.text}_${member.name.text}`;
        try {
          operations[id] = writer.write(returned, member);
        } catch (error) {
          throw new Error(`${id}: ${(error as Error).message}`);
        }
      }
    }
  }
  return { operations: sortKeys(operations), schemas: sortKeys(writer.schemas) };
}

/** `@HttpCode(204)`: nothing to describe. */
function answersNoContent(method: ts.MethodDeclaration): boolean {
  return (ts.getDecorators(method) ?? []).some(
    (d) =>
      ts.isCallExpression(d.expression) &&
      ts.isIdentifier(d.expression.expression) &&
      d.expression.expression.text === 'HttpCode' &&
      d.expression.arguments[0]?.getText() === '204',
  );
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** `npx nx run api-gateway:openapi-responses`: rewrites the file when the handlers' types changed. */
async function main(): Promise<void> {
  // Loaded here only: Prettier's plugins load with a dynamic import Jest cannot run.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(RESPONSES_FILE)) ?? {};
  const text = await prettier.format(JSON.stringify(generateResponseSchemas()), {
    ...options,
    filepath: RESPONSES_FILE,
  });
  const before = existsSync(RESPONSES_FILE) ? readFileSync(RESPONSES_FILE, 'utf8') : '';
  writeFileSync(RESPONSES_FILE, text);
  process.stdout.write(`${relative(ROOT, RESPONSES_FILE)} ${before === text ? 'unchanged' : 'written'}\n`);
}

if (require.main === module) void main();
