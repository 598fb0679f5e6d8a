import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MemoryStore } from '../../src/platform/rate-limit/memory.store.js';
import { isInputObjectType, isListType, isNonNullType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { buildSchema } from '../../src/graphql/schema.js';
import { loadConfig } from '../../src/config.js';
import type { Role } from '../__generated__/graphql.js';
import { createApiKey, createApp, signUpUser, workspaceWithRoles, addMember } from '../support/factories.js';
import { execute, request } from '../support/client.js';
import { inviteMember, MailDeliveries } from '../support/mail-factories.js';
import { ExtensionExecution, ExtensionRecord } from '../../src/extensions/extension.entities.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createApiProvider, ECHO_API, InvokeTool } from '../support/tool-factories.js';
import { publishGraph, RunWorkflow, SaveDraft } from '../support/workflow-factories.js';

type Ids = {
  workspaceId: string;
  appId: string;
  apiKeyId: string;
  memberUserId: string;
  providerId: string;
  toolId: string;
  invocationId: string;
  fileId: string;
  pendingFileId: string;
  invitationId: string;
  deliveryId: string;
  extensionId: string;
  executionId: string;
  workflowAppId: string;
  runId: string;
};
interface Operation {
  query: string;
  variables: (ids: Ids) => Record<string, unknown>;
  /** For filters: another workspace's ID matches nothing (an empty `totalCount`) rather than NOT_FOUND. */
  emptyList?: string;
}

/**
 * Every root field that takes an ID (directly or inside an input). The completeness test
 * below fails when a field is added to the schema without a case here.
 */
const CROSS_TENANT: Record<string, Operation> = {
  'Query.workspace': { query: 'query($id: ID!) { workspace(id: $id) { id } }', variables: (i) => ({ id: i.workspaceId }) },
  'Query.app': { query: 'query($id: ID!) { app(id: $id) { id } }', variables: (i) => ({ id: i.appId }) },
  'Mutation.renameWorkspace': {
    query: 'mutation($id: ID!) { renameWorkspace(input: { id: $id, name: "x" }) { workspace { id } } }',
    variables: (i) => ({ id: i.workspaceId }),
  },
  'Mutation.switchWorkspace': { query: 'mutation($id: ID!) { switchWorkspace(input: { id: $id }) { workspace { id } } }', variables: (i) => ({ id: i.workspaceId }) },
  'Mutation.changeWorkspaceMemberRole': {
    query: 'mutation($id: ID!) { changeWorkspaceMemberRole(input: { userId: $id, role: MEMBER }) { membership { id } } }',
    variables: (i) => ({ id: i.memberUserId }),
  },
  'Mutation.removeWorkspaceMember': {
    query: 'mutation($id: ID!) { removeWorkspaceMember(input: { userId: $id }) { removedUserId } }',
    variables: (i) => ({ id: i.memberUserId }),
  },
  'Mutation.createApiKey': { query: 'mutation($id: ID) { createApiKey(input: { name: "x", appId: $id }) { secret } }', variables: (i) => ({ id: i.appId }) },
  'Mutation.revokeApiKey': { query: 'mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }', variables: (i) => ({ id: i.apiKeyId }) },
  'Mutation.updateApp': { query: 'mutation($id: ID!) { updateApp(input: { id: $id, name: "x" }) { app { id } } }', variables: (i) => ({ id: i.appId }) },
  'Mutation.deleteApp': { query: 'mutation($id: ID!) { deleteApp(input: { id: $id }) { deletedAppId } }', variables: (i) => ({ id: i.appId }) },
  'Subscription.workspaceUpdated': { query: 'subscription($id: ID!) { workspaceUpdated(id: $id) { id } }', variables: (i) => ({ id: i.workspaceId }) },
  'Query.toolProvider': { query: 'query($id: ID!) { toolProvider(id: $id) { id } }', variables: (i) => ({ id: i.providerId }) },
  'Query.tool': { query: 'query($id: ID!) { tool(id: $id) { id } }', variables: (i) => ({ id: i.toolId }) },
  'Query.toolInvocation': { query: 'query($id: ID!) { toolInvocation(id: $id) { id } }', variables: (i) => ({ id: i.invocationId }) },
  'Query.toolInvocations': {
    query: 'query($id: ID!) { toolInvocations(filter: { toolId: $id }) { totalCount } }',
    variables: (i) => ({ id: i.toolId }),
    emptyList: 'toolInvocations',
  },
  'Mutation.updateApiToolProvider': {
    query: 'mutation($id: ID!) { updateApiToolProvider(input: { id: $id, name: "x" }) { provider { id } } }',
    variables: (i) => ({ id: i.providerId }),
  },
  'Mutation.deleteToolProvider': { query: 'mutation($id: ID!) { deleteToolProvider(input: { id: $id }) { deletedProviderId } }', variables: (i) => ({ id: i.providerId }) },
  'Mutation.testApiTool': {
    query: 'mutation($id: ID!) { testApiTool(input: { providerId: $id, toolName: "getItem", parameters: { itemId: 1 } }) { status } }',
    variables: (i) => ({ id: i.providerId }),
  },
  'Mutation.invokeTool': { query: 'mutation($id: ID!) { invokeTool(input: { toolId: $id, parameters: { itemId: 1 } }) { invocation { id } } }', variables: (i) => ({ id: i.toolId }) },
  'Mutation.publishToolProvider': { query: 'mutation($id: ID!) { publishToolProvider(input: { id: $id }) { provider { id } } }', variables: (i) => ({ id: i.providerId }) },
  'Mutation.unpublishToolProvider': { query: 'mutation($id: ID!) { unpublishToolProvider(input: { id: $id }) { provider { id } } }', variables: (i) => ({ id: i.providerId }) },
  'Mutation.installToolProvider': { query: 'mutation($id: ID!) { installToolProvider(input: { listingId: $id }) { provider { id } } }', variables: (i) => ({ id: i.providerId }) },
  'Subscription.invokeTool': {
    query: 'subscription($id: ID!) { invokeTool(input: { toolId: $id, parameters: { itemId: 1 } }) { __typename } }',
    variables: (i) => ({ id: i.toolId }),
  },
  'Query.file': { query: 'query($id: ID!) { file(id: $id) { id } }', variables: (i) => ({ id: i.fileId }) },
  'Mutation.completeUpload': { query: 'mutation($id: ID!) { completeUpload(input: { id: $id }) { file { id } } }', variables: (i) => ({ id: i.pendingFileId }) },
  'Mutation.deleteFile': { query: 'mutation($id: ID!) { deleteFile(input: { id: $id }) { deletedFileId } }', variables: (i) => ({ id: i.fileId }) },
  'Mutation.revokeInvitation': { query: 'mutation($id: ID!) { revokeInvitation(input: { id: $id }) { invitation { id } } }', variables: (i) => ({ id: i.invitationId }) },
  'Query.mailDelivery': { query: 'query($id: ID!) { mailDelivery(id: $id) { id } }', variables: (i) => ({ id: i.deliveryId }) },
  'Query.extension': { query: 'query($id: ID!) { extension(id: $id) { id } }', variables: (i) => ({ id: i.extensionId }) },
  'Query.extensionExecution': { query: 'query($id: ID!) { extensionExecution(id: $id) { id } }', variables: (i) => ({ id: i.executionId }) },
  'Query.extensionExecutions': {
    query: 'query($id: ID!) { extensionExecutions(filter: { extensionId: $id }) { totalCount } }',
    variables: (i) => ({ id: i.extensionId }),
    emptyList: 'extensionExecutions',
  },
  'Query.workflow': { query: 'query($id: ID!) { workflow(appId: $id) { app { id } } }', variables: (i) => ({ id: i.workflowAppId }) },
  'Query.workflowRun': { query: 'query($id: ID!) { workflowRun(id: $id) { id } }', variables: (i) => ({ id: i.runId }) },
  'Query.workflowRuns': {
    query: 'query($id: ID!) { workflowRuns(filter: { appId: $id }) { totalCount } }',
    variables: (i) => ({ id: i.workflowAppId }),
    emptyList: 'workflowRuns',
  },
  'Mutation.saveWorkflowDraft': {
    query: 'mutation($id: ID!, $graph: JSON!) { saveWorkflowDraft(input: { appId: $id, graph: $graph }) { version { id } } }',
    variables: (i) => ({ id: i.workflowAppId, graph: SMALL_GRAPH }),
  },
  'Mutation.publishWorkflow': { query: 'mutation($id: ID!) { publishWorkflow(input: { appId: $id }) { version { id } } }', variables: (i) => ({ id: i.workflowAppId }) },
  'Mutation.runWorkflow': { query: 'mutation($id: ID!) { runWorkflow(input: { appId: $id }) { run { id } } }', variables: (i) => ({ id: i.workflowAppId }) },
  'Mutation.stopWorkflowRun': { query: 'mutation($id: ID!) { stopWorkflowRun(input: { id: $id }) { run { id } } }', variables: (i) => ({ id: i.runId }) },
  'Mutation.createWorkflowToolProvider': {
    query: 'mutation($id: ID!) { createWorkflowToolProvider(input: { appId: $id, name: "stolen" }) { provider { id } } }',
    variables: (i) => ({ id: i.workflowAppId }),
  },
  'Subscription.workflowRun': { query: 'subscription($id: ID!) { workflowRun(id: $id) { sequence } }', variables: (i) => ({ id: i.runId }) },
  'Subscription.runWorkflow': { query: 'subscription($id: ID!) { runWorkflow(input: { appId: $id }) { sequence } }', variables: (i) => ({ id: i.workflowAppId }) },
  'Mutation.updateApiExtension': { query: 'mutation($id: ID!) { updateApiExtension(input: { id: $id, name: "x" }) { extension { id } } }', variables: (i) => ({ id: i.extensionId }) },
  'Mutation.updatePluginExtension': { query: 'mutation($id: ID!) { updatePluginExtension(input: { id: $id, name: "x" }) { extension { id } } }', variables: (i) => ({ id: i.extensionId }) },
  'Mutation.setExtensionEnabled': { query: 'mutation($id: ID!) { setExtensionEnabled(input: { id: $id, enabled: false }) { extension { id } } }', variables: (i) => ({ id: i.extensionId }) },
  'Mutation.deleteExtension': { query: 'mutation($id: ID!) { deleteExtension(input: { id: $id }) { deletedExtensionId } }', variables: (i) => ({ id: i.extensionId }) },
  'Mutation.installPlugin': { query: 'mutation($id: ID!) { installPlugin(input: { fileId: $id }) { plugin { name } } }', variables: (i) => ({ id: i.fileId }) },
  'Mutation.executeExtension': {
    query: 'mutation($id: ID!) { executeExtension(input: { extensionId: $id, input: {} }) { output } }',
    variables: (i) => ({ id: i.extensionId }),
  },
};

/** START → END: runs anywhere, no tools needed. */
const SMALL_GRAPH = {
  nodes: [
    { id: 'start', type: 'START', data: { inputs: [] } },
    { id: 'end', type: 'END', data: { outputs: { ok: true } } },
  ],
  edges: [{ source: 'start', target: 'end' }],
};

function takesId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  if (isNonNullType(type) || isListType(type)) return takesId(type.ofType, seen);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return false;
    seen.add(type.name);
    return Object.values(type.getFields()).some((field) => takesId(field.type, seen));
  }
  return type.name === 'ID';
}

function rootFieldsTakingIds(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((root) =>
    root
      ? Object.values(root.getFields())
          .filter((field) => !field.name.startsWith('_') && field.args.some((arg) => takesId(arg.type)))
          .map((field) => `${root.name}.${field.name}`)
      : [],
  );
}

async function send(server: TestServer, token: string, op: { query: string; variables: Record<string, unknown>; emptyList?: string }) {
  if (op.query.startsWith('subscription')) {
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    try {
      const first = await client.iterate(op).next().then((r) => r.value as { errors?: { extensions?: { code?: string } }[] }, (errors) => ({ errors }));
      return first.errors?.[0]?.extensions?.code;
    } finally {
      await client.dispose();
    }
  }
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(op),
  });
  const body = (await response.json()) as { data?: Record<string, { totalCount?: number }>; errors?: { extensions?: { code?: string } }[] };
  if (op.emptyList && !body.errors) return body.data?.[op.emptyList]?.totalCount === 0 ? 'NOT_FOUND' : 'LEAKED';
  return body.errors?.[0]?.extensions?.code;
}

describe('access control', () => {
  let server: TestServer;

  /** A provider, one of its tools, and a recorded call, in the token's workspace. */
  async function toolIdsOf(token: string) {
    const provider = await createApiProvider(server.url, token, { serverUrl: 'http://127.0.0.1:9' });
    const toolId = `${provider.id}/getItem`;
    // Refused by the outbound guard (nothing is allow-listed here), and recorded all the same.
    const failed = await request(server.url, InvokeTool, { input: { toolId, parameters: { itemId: 1 } } }, { token });
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('DESTINATION_BLOCKED');
    const { body } = await request(server.url, InvokeTool, { input: { toolId: 'builtin/math_evaluate', parameters: { expression: '1 + 1' } } }, { token });
    return { providerId: provider.id, toolId, invocationId: body.data!.invokeTool.invocation.id };
  }

  /** An uploaded (READY) file and a direct upload still waiting for its bytes (PENDING), in the token's workspace. */
  async function fileIdsOf(token: string) {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation($file: Upload!) { uploadFile(file: $file) { file { id } } }', variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob(['tenant A data'], { type: 'text/plain' }), 'a.txt');
    const uploaded = await fetch(server.url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' }, body: form });
    const ready = (await uploaded.json()) as { data: { uploadFile: { file: { id: string } } } };
    const pending = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { createUploadUrl(input: { name: "b.txt", size: 3 }) { fileId } }' }),
    });
    const direct = (await pending.json()) as { data: { createUploadUrl: { fileId: string } } };
    return { fileId: ready.data.uploadFile.file.id, pendingFileId: direct.data.createUploadUrl.fileId };
  }

  /** A pending invitation and its mail's delivery record, in the token's workspace. */
  async function mailIdsOf(token: string) {
    const invitation = await inviteMember(server.url, token, `invitee-${Math.random().toString(36).slice(2)}@example.com`);
    const deliveries = await execute(server.url, MailDeliveries, { filter: { template: 'MEMBER_INVITATION' }, first: 1 }, { token });
    return { invitationId: invitation.id, deliveryId: deliveries.mailDeliveries.edges[0]!.node.id };
  }

  /**
   * An extension and one execution record in `workspaceId`, written straight to the database:
   * registering through the API pings the endpoint, and this server's guard (nothing
   * allow-listed) refuses local endpoints, which the tool cases above rely on.
   */
  async function extensionIdsOf(workspaceId: string, userId: string) {
    const em = server.plugboard.deps.orm.em.fork();
    const extension = em.create(ExtensionRecord, { workspaceId, name: `extension ${randomUUID()}`, module: 'external_data_tool', kind: 'API', endpoint: 'https://extension.example/api', createdBy: userId });
    await em.flush();
    const execution = em.create(ExtensionExecution, { workspaceId, extensionId: extension.id, point: 'app.external_data_tool.query', status: 'SUCCEEDED', durationMs: 1, userId });
    await em.flush();
    return { extensionId: extension.id, executionId: execution.id };
  }

  /** A published WORKFLOW app and one finished run of it, in the token's workspace. */
  async function workflowIdsOf(token: string) {
    const app = await createApp(server.url, token, 'A workflow', 'WORKFLOW');
    await publishGraph(server.url, token, app.id, SMALL_GRAPH);
    const { runWorkflow } = await execute(server.url, RunWorkflow, { input: { appId: app.id, blocking: true } }, { token });
    expect(runWorkflow.run.status).toBe('SUCCEEDED');
    return { workflowAppId: app.id, runId: runWorkflow.run.id };
  }

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('tenant isolation', () => {
    it('has a cross-tenant case for every root field that takes an ID', () => {
      const schema = buildSchema(loadConfig({}).subgraphs, new MemoryStore());
      expect(rootFieldsTakingIds(schema).sort()).toEqual(Object.keys(CROSS_TENANT).sort());
    });

    it("answers NOT_FOUND to an owner of workspace B using workspace A's IDs", async () => {
      const a = await workspaceWithRoles(server.url, 'TenantA');
      const b = await workspaceWithRoles(server.url, 'TenantB');
      const ids: Ids = {
        workspaceId: a.workspace.id,
        appId: (await createApp(server.url, a.members.OWNER.token, 'A app')).id,
        apiKeyId: (await createApiKey(server.url, a.members.OWNER.token)).apiKey.id,
        memberUserId: a.members.MEMBER.user.id,
        ...(await toolIdsOf(a.members.OWNER.token)),
        ...(await fileIdsOf(a.members.OWNER.token)),
        ...(await mailIdsOf(a.members.OWNER.token)),
        ...(await extensionIdsOf(a.workspace.id, a.members.OWNER.user.id)),
        ...(await workflowIdsOf(a.members.OWNER.token)),
      };
      for (const [field, op] of Object.entries(CROSS_TENANT)) {
        const code = await send(server, b.members.OWNER.token, { query: op.query, variables: op.variables(ids), emptyList: op.emptyList });
        expect(code, field).toBe('NOT_FOUND');
      }

      // Federation's entity lookup (what a gateway calls) resolves nothing across tenants.
      const entities = {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on User { email } ... on App { name } ... on Workspace { name } } }`,
        variables: {
          r: [
            { __typename: 'User', id: ids.memberUserId },
            { __typename: 'App', id: ids.appId },
            { __typename: 'Workspace', id: ids.workspaceId },
            { __typename: 'User', id: ids.memberUserId.toUpperCase() },
          ],
        },
      };
      const post = (token: string) =>
        fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(entities) }).then(
          (r) => r.json() as Promise<{ data: { _entities: unknown[] } }>,
        );
      expect((await post(b.members.OWNER.token)).data._entities).toEqual([null, null, null, null]);
      expect((await post(a.members.OWNER.token)).data._entities).toEqual([
        { __typename: 'User', email: a.members.MEMBER.user.email },
        { __typename: 'App', name: 'A app' },
        { __typename: 'Workspace', name: 'TenantA' },
        { __typename: 'User', email: a.members.MEMBER.user.email },
      ]);
    });
  });

  describe('role matrix', () => {
    const ROLES: Role[] = ['OWNER', 'ADMIN', 'EDITOR', 'MEMBER'];
    type Team = Awaited<ReturnType<typeof workspaceWithRoles>>;
    /** Each mutation with the weakest role allowed and a fresh target made by the owner. */
    const MUTATIONS: { name: string; weakest: Role; prepare: (team: Team) => Promise<{ query: string; variables: Record<string, unknown> }> }[] = [
      { name: 'createApp', weakest: 'EDITOR', prepare: async () => ({ query: 'mutation { createApp(input: { name: "n", mode: CHAT }) { app { id } } }', variables: {} }) },
      {
        name: 'updateApp',
        weakest: 'EDITOR',
        prepare: async (t) => ({ query: 'mutation($id: ID!) { updateApp(input: { id: $id, name: "m" }) { app { id } } }', variables: { id: (await createApp(server.url, t.members.OWNER.token)).id } }),
      },
      {
        name: 'deleteApp',
        weakest: 'ADMIN',
        prepare: async (t) => ({ query: 'mutation($id: ID!) { deleteApp(input: { id: $id }) { deletedAppId } }', variables: { id: (await createApp(server.url, t.members.OWNER.token)).id } }),
      },
      { name: 'createApiKey', weakest: 'ADMIN', prepare: async () => ({ query: 'mutation { createApiKey(input: { name: "k", role: MEMBER }) { secret } }', variables: {} }) },
      {
        name: 'revokeApiKey',
        weakest: 'ADMIN',
        prepare: async (t) => ({ query: 'mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }', variables: { id: (await createApiKey(server.url, t.members.OWNER.token)).apiKey.id } }),
      },
      {
        name: 'addWorkspaceMember',
        weakest: 'ADMIN',
        prepare: async () => ({
          query: 'mutation($email: String!) { addWorkspaceMember(input: { email: $email, role: MEMBER }) { membership { id } } }',
          variables: { email: (await signUpUser(server.url, 'Newcomer')).user.email },
        }),
      },
      {
        name: 'changeWorkspaceMemberRole',
        weakest: 'ADMIN',
        prepare: async (t) => {
          const target = await signUpUser(server.url, 'Target');
          await addMember(server.url, t.members.OWNER.token, target.user.email, 'MEMBER');
          return { query: 'mutation($id: ID!) { changeWorkspaceMemberRole(input: { userId: $id, role: EDITOR }) { membership { id } } }', variables: { id: target.user.id } };
        },
      },
      {
        name: 'removeWorkspaceMember',
        weakest: 'ADMIN',
        prepare: async (t) => {
          const target = await signUpUser(server.url, 'Leaver');
          await addMember(server.url, t.members.OWNER.token, target.user.email, 'MEMBER');
          return { query: 'mutation($id: ID!) { removeWorkspaceMember(input: { userId: $id }) { removedUserId } }', variables: { id: target.user.id } };
        },
      },
      {
        name: 'createApiToolProvider',
        weakest: 'EDITOR',
        prepare: async () => ({
          query: 'mutation($input: CreateApiToolProviderInput!) { createApiToolProvider(input: $input) { provider { id } } }',
          variables: { input: { name: `p-${Math.random()}`, source: { document: ECHO_API }, serverUrl: 'http://127.0.0.1:9' } },
        }),
      },
      {
        name: 'updateApiToolProvider',
        weakest: 'EDITOR',
        prepare: async (t) => ({
          query: 'mutation($id: ID!) { updateApiToolProvider(input: { id: $id, description: "d" }) { provider { id } } }',
          variables: { id: (await createApiProvider(server.url, t.members.OWNER.token, { serverUrl: 'http://127.0.0.1:9' })).id },
        }),
      },
      {
        name: 'deleteToolProvider',
        weakest: 'ADMIN',
        prepare: async (t) => ({
          query: 'mutation($id: ID!) { deleteToolProvider(input: { id: $id }) { deletedProviderId } }',
          variables: { id: (await createApiProvider(server.url, t.members.OWNER.token, { serverUrl: 'http://127.0.0.1:9' })).id },
        }),
      },
      {
        name: 'publishToolProvider',
        weakest: 'ADMIN',
        prepare: async (t) => ({
          query: 'mutation($id: ID!) { publishToolProvider(input: { id: $id }) { provider { id } } }',
          variables: { id: (await createApiProvider(server.url, t.members.OWNER.token, { serverUrl: 'http://127.0.0.1:9' })).id },
        }),
      },
      {
        name: 'invokeTool',
        weakest: 'MEMBER',
        prepare: async () => ({ query: 'mutation { invokeTool(input: { toolId: "builtin/math_evaluate", parameters: { expression: "2+2" } }) { invocation { id } } }', variables: {} }),
      },
      {
        name: 'setExtensionEnabled',
        weakest: 'ADMIN',
        prepare: async (t) => ({
          query: 'mutation($id: ID!) { setExtensionEnabled(input: { id: $id, enabled: false }) { extension { id } } }',
          variables: { id: (await extensionIdsOf(t.workspace.id, t.members.OWNER.user.id)).extensionId },
        }),
      },
      {
        name: 'deleteExtension',
        weakest: 'ADMIN',
        prepare: async (t) => ({
          query: 'mutation($id: ID!) { deleteExtension(input: { id: $id }) { deletedExtensionId } }',
          variables: { id: (await extensionIdsOf(t.workspace.id, t.members.OWNER.user.id)).extensionId },
        }),
      },
      {
        name: 'inviteWorkspaceMembers',
        weakest: 'ADMIN',
        prepare: async () => ({
          query: 'mutation($email: String!) { inviteWorkspaceMembers(input: { emails: [$email], role: MEMBER }) { invitations { id } } }',
          variables: { email: `matrix-${Math.random().toString(36).slice(2)}@example.com` },
        }),
      },
      {
        name: 'revokeInvitation',
        weakest: 'ADMIN',
        prepare: async (t) => {
          const { id } = await inviteMember(server.url, t.members.OWNER.token, `revoke-${Math.random().toString(36).slice(2)}@example.com`);
          return { query: 'mutation($id: ID!) { revokeInvitation(input: { id: $id }) { invitation { id } } }', variables: { id } };
        },
      },
      {
        name: 'saveWorkflowDraft',
        weakest: 'EDITOR',
        prepare: async (t) => ({
          query: 'mutation($id: ID!, $graph: JSON!) { saveWorkflowDraft(input: { appId: $id, graph: $graph }) { version { id } } }',
          variables: { id: (await createApp(server.url, t.members.OWNER.token, 'Flow', 'WORKFLOW')).id, graph: SMALL_GRAPH },
        }),
      },
      {
        name: 'publishWorkflow',
        weakest: 'EDITOR',
        prepare: async (t) => {
          const app = await createApp(server.url, t.members.OWNER.token, 'Flow', 'WORKFLOW');
          await execute(server.url, SaveDraft, { input: { appId: app.id, graph: SMALL_GRAPH } }, { token: t.members.OWNER.token });
          return { query: 'mutation($id: ID!) { publishWorkflow(input: { appId: $id }) { version { id } } }', variables: { id: app.id } };
        },
      },
      {
        name: 'runWorkflow',
        weakest: 'MEMBER',
        prepare: async (t) => ({
          query: 'mutation($id: ID!) { runWorkflow(input: { appId: $id }) { run { id } } }',
          variables: { id: (await workflowIdsOf(t.members.OWNER.token)).workflowAppId },
        }),
      },
      {
        name: 'stopWorkflowRun',
        weakest: 'MEMBER',
        prepare: async (t) => ({ query: 'mutation($id: ID!) { stopWorkflowRun(input: { id: $id }) { run { id } } }', variables: { id: (await workflowIdsOf(t.members.OWNER.token)).runId } }),
      },
      {
        name: 'createWorkflowToolProvider',
        weakest: 'EDITOR',
        prepare: async (t) => ({
          query: 'mutation($id: ID!, $name: String!) { createWorkflowToolProvider(input: { appId: $id, name: $name }) { provider { id } } }',
          variables: { id: (await workflowIdsOf(t.members.OWNER.token)).workflowAppId, name: `wf-${Math.random()}` },
        }),
      },
      {
        name: 'renameWorkspace',
        weakest: 'ADMIN',
        prepare: async (t) => ({ query: 'mutation($id: ID!) { renameWorkspace(input: { id: $id, name: "Renamed" }) { workspace { id } } }', variables: { id: t.workspace.id } }),
      },
    ];

    it('allows each mutation from its weakest role up and answers FORBIDDEN below', async () => {
      const team = await workspaceWithRoles(server.url, 'Matrix');
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const mutation of MUTATIONS) {
        for (const role of ROLES) {
          const op = await mutation.prepare(team);
          const code = await send(server, team.members[role].token, op);
          outcomes.push(`${mutation.name} as ${role}: ${code ?? 'ok'}`);
          const allowed = ROLES.indexOf(role) <= ROLES.indexOf(mutation.weakest);
          expected.push(`${mutation.name} as ${role}: ${allowed ? 'ok' : 'FORBIDDEN'}`);
        }
      }
      expect(outcomes).toEqual(expected);
    });

    it('never leaves a workspace without an owner, and only owners touch owners', async () => {
      const team = await workspaceWithRoles(server.url, 'Owners');
      const owner = team.members.OWNER;
      const demoteSelf = { query: 'mutation($id: ID!) { changeWorkspaceMemberRole(input: { userId: $id, role: ADMIN }) { membership { id } } }', variables: { id: owner.user.id } };
      expect(await send(server, owner.token, demoteSelf)).toBe('CONFLICT');
      const leave = { query: 'mutation($id: ID!) { removeWorkspaceMember(input: { userId: $id }) { removedUserId } }', variables: { id: owner.user.id } };
      expect(await send(server, owner.token, leave)).toBe('CONFLICT');
      expect(await send(server, team.members.ADMIN.token, leave)).toBe('FORBIDDEN');
      const promote = { query: 'mutation($id: ID!) { changeWorkspaceMemberRole(input: { userId: $id, role: OWNER }) { membership { id } } }', variables: { id: team.members.EDITOR.user.id } };
      expect(await send(server, team.members.ADMIN.token, promote)).toBe('FORBIDDEN');
      expect(await send(server, owner.token, promote)).toBeUndefined();
      expect(await send(server, owner.token, leave)).toBeUndefined(); // another owner now exists
    });
  });
});
