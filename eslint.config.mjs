import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const nodeOnly = ['@nestjs/*', 'typeorm', 'pg', 'nats', 'nestjs-pino', 'pino', '@node-rs/argon2'];
const services = [
  'practice-settings',
  'client-insurance',
  'enrollments',
  'documents',
  'notifications',
  'claims',
  'messaging',
  'payments',
  'clearinghouse',
];
const webOnly = ['@angular/*', '@angular-devkit/*', 'rxjs/*'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.data', '**/coverage', '**/tmp', '**/*.cjs'],
  },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: [],
          depConstraints: [
            // type axis
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contracts'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:util',
                'type:domain',
                'type:contracts',
                'type:feature',
                'type:data-access',
                'type:ui',
              ],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:util', 'type:domain', 'type:contracts'],
            },
            // console: features use data access and UI; data access and UI never use features
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:data-access',
                'type:ui',
                'type:domain',
                'type:contracts',
              ],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts'],
            },
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:domain', 'type:contracts'],
            },
            // scope axis: a service sees its own scope, shared and backend plumbing, and any contract
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend'] },
            ...services.map((service) => ({
              sourceTag: `scope:${service}`,
              onlyDependOnLibsWithTags: [
                `scope:${service}`,
                'scope:shared',
                'scope:backend',
                'type:contracts',
              ],
            })),
            {
              sourceTag: 'scope:gateway',
              onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared', 'scope:backend', 'type:contracts'],
            },
            {
              sourceTag: 'scope:console',
              onlyDependOnLibsWithTags: ['scope:console', 'scope:shared', 'type:contracts'],
            },
            {
              sourceTag: 'scope:e2e',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:backend', 'type:contracts'],
            },
            // the local-stack scripts (tools/scripts) run with plain node before node_modules exists
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [] },
            // platform axis: framework-free code stays framework-free
            {
              sourceTag: 'platform:any',
              onlyDependOnLibsWithTags: ['platform:any'],
              bannedExternalImports: [...nodeOnly, ...webOnly],
            },
            {
              sourceTag: 'platform:node',
              onlyDependOnLibsWithTags: ['platform:node', 'platform:any'],
              bannedExternalImports: webOnly.filter((p) => p !== 'rxjs/*'),
            },
            {
              sourceTag: 'platform:web',
              onlyDependOnLibsWithTags: ['platform:web', 'platform:any'],
              bannedExternalImports: nodeOnly,
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // Decorated properties need their annotation: it is what emitDecoratorMetadata records.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
