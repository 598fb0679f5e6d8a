import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

// `_service` is added by buildSubgraphSchema, not written in schema/, so codegen cannot type it.
const ServiceSdl: TypedDocumentNode<{ _service: { sdl: string } }, Record<string, never>> = parse('{ _service { sdl } }');

describe('schema-first federation', () => {
  let all: TestServer;
  let identityAlone: TestServer;
  let appsAlone: TestServer;
  let toolsAlone: TestServer;
  let filesAlone: TestServer;
  beforeAll(async () => {
    [all, identityAlone, appsAlone, toolsAlone, filesAlone] = await Promise.all([
      startTestServer(),
      startTestServer({ env: { PLUGBOARD_SUBGRAPHS: 'identity' } }),
      startTestServer({ env: { PLUGBOARD_SUBGRAPHS: 'apps' } }),
      startTestServer({ env: { PLUGBOARD_SUBGRAPHS: 'tools' } }),
      startTestServer({ env: { PLUGBOARD_SUBGRAPHS: 'files' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([all?.stop(), identityAlone?.stop(), appsAlone?.stop(), toolsAlone?.stop(), filesAlone?.stop()]);
  });

  it('answers _service { sdl } with a Federation v2 subgraph SDL, keeping our directives', async () => {
    const { _service } = await execute(all.url, ServiceSdl);
    expect(_service.sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    expect(_service.sdl).toContain('directive @public on FIELD_DEFINITION');
    expect(_service.sdl).toMatch(/type Workspace implements Node\s+@key\(fields: "id"\)/);
  });

  it('serves each domain alone, and their SDLs compose into one supergraph with a real composer', async () => {
    const identity = (await execute(identityAlone.url, ServiceSdl))._service.sdl;
    const apps = (await execute(appsAlone.url, ServiceSdl))._service.sdl;
    const tools = (await execute(toolsAlone.url, ServiceSdl))._service.sdl;
    expect(tools).toContain('invokeTool');
    expect(tools).not.toContain('createApp');
    const files = (await execute(filesAlone.url, ServiceSdl))._service.sdl;
    expect(files).toContain('uploadFile');
    expect(identity).toContain('viewer: Viewer');
    expect(identity).not.toContain('createApp');
    expect(apps).toContain('createApp');
    expect(apps).not.toContain('viewer: Viewer');
    const result = composeServices([
      { name: 'identity', typeDefs: parse(identity), url: identityAlone.url },
      { name: 'apps', typeDefs: parse(apps), url: appsAlone.url },
      { name: 'tools', typeDefs: parse(tools), url: toolsAlone.url },
      { name: 'files', typeDefs: parse(files), url: filesAlone.url },
    ]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toMatch(/join__Graph[\s\S]*APPS[\s\S]*IDENTITY|join__Graph[\s\S]*IDENTITY[\s\S]*APPS/);
    expect(result.supergraphSdl).toContain('createApp');
    expect(result.supergraphSdl).toContain('viewer: Viewer');
    expect(result.supergraphSdl).toContain('toolMarketplace');
    expect(result.supergraphSdl).toContain('createUploadUrl');
  });
});
