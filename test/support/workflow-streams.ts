import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';

type Result<T> = { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] | null };

/** Every result of a subscription over graphql-ws until it completes (errors reject). */
export async function subscribeWs<T, V extends Record<string, unknown>>(wsUrl: string, token: string, document: TypedDocumentNode<T, V>, variables: V, onEach?: (data: T) => void): Promise<T[]> {
  const client = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  try {
    return await collect(client.iterate({ query: print(document), variables }) as AsyncIterableIterator<Result<T>>, onEach);
  } finally {
    await client.dispose();
  }
}

/** The same over graphql-sse (distinct connections mode). */
export async function subscribeSse<T, V extends Record<string, unknown>>(sseUrl: string, token: string, document: TypedDocumentNode<T, V>, variables: V, onEach?: (data: T) => void): Promise<T[]> {
  const client = createSseClient({ url: sseUrl, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  try {
    return await collect(client.iterate({ query: print(document), variables }) as AsyncIterableIterator<Result<T>>, onEach);
  } finally {
    client.dispose();
  }
}

async function collect<T>(results: AsyncIterableIterator<Result<T>>, onEach?: (data: T) => void): Promise<T[]> {
  const all: T[] = [];
  for await (const result of results) {
    if (result.errors?.length) throw Object.assign(new Error(result.errors[0]!.message), { extensions: result.errors[0]!.extensions });
    all.push(result.data!);
    onEach?.(result.data!);
  }
  return all;
}

/** The error code a subscription answers with, whether as a result or as a protocol error. */
export async function subscriptionErrorCode<T, V extends Record<string, unknown>>(wsUrl: string, token: string, document: TypedDocumentNode<T, V>, variables: V): Promise<unknown> {
  try {
    await subscribeWs(wsUrl, token, document, variables);
    return undefined;
  } catch (error) {
    if (Array.isArray(error)) return (error[0] as { extensions?: { code?: unknown } })?.extensions?.code;
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
}
