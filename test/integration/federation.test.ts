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
  beforeAll(async () => {
    [all, identityAlone] = await Promise.all([
      startTestServer(),
      startTestServer({ env: { PLUGBOARD_SUBGRAPHS: 'identity' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([all?.stop(), identityAlone?.stop()]);
  });

  it('answers _service { sdl } with a Federation v2 subgraph SDL, keeping our directives', async () => {
    const { _service } = await execute(all.url, ServiceSdl);
    expect(_service.sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    expect(_service.sdl).toContain('directive @public on FIELD_DEFINITION');
    expect(_service.sdl).toMatch(/type Workspace implements Node\s+@key\(fields: "id"\)/);
  });

  it('serves one domain alone, and its SDL composes into a supergraph with a real composer', async () => {
    const { _service } = await execute(identityAlone.url, ServiceSdl);
    expect(_service.sdl).toContain('viewer: Viewer');
    const result = composeServices([{ name: 'identity', typeDefs: parse(_service.sdl), url: identityAlone.url }]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain('join__Graph');
  });
});
