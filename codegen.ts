import type { CodegenConfig } from '@graphql-codegen/cli';

// Resolver and test-document types come from the SDL in schema/ (the source of truth); CI regenerates
// and fails on any drift from the committed output.
const config: CodegenConfig = {
  schema: ['schema/base.graphql', 'schema/*.graphql'],
  generates: {
    // Typed documents for the tests (the shipped client SDK comes from the same schema later).
    'test/__generated__/': {
      documents: ['test/**/*.ts', '!test/__generated__/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false, scalars: { DateTime: 'string', JSON: 'unknown' } },
    },
    'resolvers/__generated__/types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        mapperTypeSuffix: 'Model',
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        defaultScalarType: 'unknown',
        contextType: '../../src/context.js#Context',
        scalars: { DateTime: 'Date | string', JSON: 'unknown' },
        mappers: {
          User: '../../src/identity/identity.entities.js#User',
          Workspace: '../../src/identity/identity.entities.js#Workspace',
          Membership: '../../src/identity/identity.entities.js#Membership',
          ApiKey: '../../src/identity/identity.entities.js#ApiKey',
          Viewer: '../../src/identity/viewer.js#Viewer',
          WorkspaceConnection: '../../src/identity/workspace.service.js#WorkspaceMembershipPage',
          WorkspaceEdge: '../../src/identity/workspace.service.js#WorkspaceMembershipEdge',
          ApiKeyConnection: '../../src/identity/api-key.service.js#ApiKeyPage',
          ApiKeyEdge: '../../src/identity/api-key.service.js#ApiKeyEdge',
          App: '../../src/apps/app.entity.js#App',
          AppConnection: '../../src/apps/app.service.js#AppPage',
          AppEdge: '../../src/apps/app.service.js#AppEdge',
        },
      },
    },
  },
};

export default config;
