import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';

/** Enough of the start of a file for every signature file-type knows. */
const HEAD_BYTES = 4100;

const TEXT_BY_EXTENSION: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

export interface Inspection {
  size: number;
  sha256: string;
  mimeType: string;
}

/**
 * Passes a file through unchanged while hashing it, counting it, and keeping its first
 * bytes to sniff the MIME type from the content once it ends (the client's claim is ignored).
 */
export class FileInspector extends Transform {
  private readonly hash = createHash('sha256');
  private head = Buffer.alloc(0);
  private size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    done(null, chunk);
  }

  /** After the stream ended: size, hash and sniffed type. */
  async result(fileName: string): Promise<Inspection> {
    return { size: this.size, sha256: this.hash.copy().digest('hex'), mimeType: await sniffMimeType(this.head, fileName) };
  }
}

/** The type from magic numbers; text without them is told apart by extension (JSON, CSV, Markdown) or is text/plain. */
export async function sniffMimeType(head: Buffer, fileName: string): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  if (head.length > 0 && !head.includes(0) && looksLikeUtf8(head)) {
    const extension = fileName.toLowerCase().split('.').pop() ?? '';
    return TEXT_BY_EXTENSION[extension] ?? 'text/plain';
  }
  return 'application/octet-stream';
}

function looksLikeUtf8(head: Buffer): boolean {
  // The head may end inside a multi-byte character: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}
