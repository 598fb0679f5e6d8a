import { PassThrough } from 'node:stream';
import type { FileRecord } from '../files/file.entity.js';
import type { FileService } from '../files/file.service.js';
import type { ToolEventModel } from './tool.models.js';
import type { ToolDefinition, ToolMessage } from './tool.types.js';

/** File parameters are sent to tools as their content, up to this size. */
export const MAX_FILE_PARAMETER_BYTES = 10 * 1024 * 1024;

/** Replaces each FILE parameter's file ID by `{ name, mimeType, base64 }` of a file in the caller's workspace. */
export async function resolveFileParameters(definition: ToolDefinition, parameters: Record<string, unknown>, files: FileService): Promise<Record<string, unknown>> {
  const resolved = { ...parameters };
  for (const parameter of definition.parameters) {
    const value = resolved[parameter.name];
    if (parameter.type === 'FILE' && typeof value === 'string') resolved[parameter.name] = await files.contentForTool(value, MAX_FILE_PARAMETER_BYTES);
  }
  return resolved;
}

function fileMessage(file: FileRecord, url: string): ToolMessage {
  return { type: 'FILE', name: file.name, mimeType: file.mimeType, size: file.size, fileId: file.id, url };
}

/**
 * Saves BLOB output as files of the workspace: chunks go to storage as they arrive and, on the
 * final chunk, one FILE message (with the file's ID and a signed URL) replaces them all.
 * Other events pass through; returning the iterator returns the source at once.
 */
export function saveBlobsAsFiles(source: AsyncIterableIterator<ToolEventModel>, files: FileService, toolName: string): AsyncIterableIterator<ToolEventModel> {
  let current: { body: PassThrough; saving: Promise<FileRecord> } | null = null;
  let count = 0;
  const stream: AsyncIterableIterator<ToolEventModel> = {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || result.value.type !== 'BLOB') {
          current?.body.destroy(new Error('The tool ended in the middle of a blob'));
          return result;
        }
        const blob = result.value;
        if (!current) {
          count += 1;
          const body = new PassThrough();
          const extension = blob.mimeType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
          current = { body, saving: files.saveStream(`${toolName}-output-${count}.${extension}`, 'TOOL_OUTPUT', () => body) };
          current.saving.catch(() => undefined); // awaited below; a failure surfaces there
        }
        current.body.write(Buffer.from(blob.data, 'base64'));
        if (blob.final) {
          const { body, saving } = current;
          current = null;
          body.end();
          const file = await saving;
          return { done: false, value: fileMessage(file, files.downloadUrl(file).url) };
        }
      }
    },
    async return() {
      current?.body.destroy(new Error('The call was cancelled'));
      await source.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}
