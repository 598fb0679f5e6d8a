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
      config: { useTypeImports: true, enumsAsTypes: true, emitLegacyCommonJSImports: false, scalars: { DateTime: 'string', JSON: 'unknown', Upload: 'unknown' } },
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
        scalars: { DateTime: 'Date | string', JSON: 'unknown', Upload: 'Promise<unknown>' },
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
          ToolProvider: '../../src/tools/tool.models.js#ProviderModel',
          ToolProviderConnection: '../../src/tools/tool.service.js#ProviderPage',
          ToolProviderEdge: '../../src/tools/tool.service.js#ProviderEdge',
          Tool: '../../src/tools/tool.models.js#ToolModel',
          ToolParameter: '../../src/tools/tool.models.js#ParameterModel',
          ApiAuth: '../../src/tools/openapi/index.js#ApiAuth',
          ApiCredentials: '../../src/tools/api/api-credentials.js#ApiCredentials',
          OpenApiPreview: '../../src/tools/openapi/index.js#ApiSpec',
          ToolPreview: '../../src/tools/openapi/index.js#ApiOperation',
          ToolInvocation: '../../src/tools/tool.entities.js#ToolInvocationRecord',
          ToolInvocationConnection: '../../src/tools/tool-manager.js#InvocationPage',
          ToolInvocationEdge: '../../src/tools/tool-manager.js#InvocationEdge',
          ToolListing: '../../src/tools/tool.entities.js#ToolProviderRecord',
          ToolListingConnection: '../../src/tools/tool.service.js#ProviderPage',
          ToolListingEdge: '../../src/tools/tool.service.js#ProviderEdge',
          TextMessage: '../../src/tools/tool.types.js#ToolMessage',
          JsonMessage: '../../src/tools/tool.types.js#ToolMessage',
          LinkMessage: '../../src/tools/tool.types.js#ToolMessage',
          ImageMessage: '../../src/tools/tool.types.js#ToolMessage',
          BlobMessage: '../../src/tools/tool.types.js#ToolMessage',
          FileMessage: '../../src/tools/tool.types.js#ToolMessage',
          VariableMessage: '../../src/tools/tool.types.js#ToolMessage',
          LogMessage: '../../src/tools/tool.types.js#ToolMessage',
          ToolInvocationFinished: '../../src/tools/tool.models.js#ToolEventModel',
          TestApiToolPayload: '../../src/tools/tool.service.js#TestResult',
          File: '../../src/files/file.entity.js#FileRecord',
          FileConnection: '../../src/files/file.service.js#FilePage',
          FileEdge: '../../src/files/file.service.js#FileEdge',
        },
      },
    },
  },
};

export default config;
