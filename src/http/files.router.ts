import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Router, type Request, type Response } from 'express';
import type { FileUrlSigner } from '../files/file-urls.js';
import { FileRepository } from '../files/file.repository.js';
import type { FileRecord } from '../files/file.entity.js';
import type { Logger } from '../logger.js';
import { attachmentDisposition, type Storage } from '../platform/storage/storage.js';

function fail(res: Response, status: number, code: string, message: string): void {
  // The download headers may already be set for the file: an error body is not the file.
  for (const header of ['Content-Type', 'Content-Disposition', 'ETag', 'Content-Length', 'Accept-Ranges']) res.removeHeader(header);
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** If-None-Match: `*`, or a comma-separated list of tags compared weakly (RFC 9110 §13.1.2). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** A single `bytes=` range as [start, end] inclusive; null to serve the whole file; 'unsatisfiable' for 416. */
export function parseRange(header: string | undefined, size: number): [number, number] | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges, or another unit: RFC 9110 lets a server answer with the whole representation.
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return [start, end];
}

/**
 * `GET /files/:id?expires=…&sig=…`: streams a file from storage (signed URL from `file.url`),
 * with Content-Type, Content-Length, Content-Disposition, ETag and single Range support.
 * `PUT /files/uploads/:id?expires=…&sig=…`: the direct-upload target when storage is local.
 * The signature is the authorization: it names one file, one action and an expiry.
 */
export function filesRouter(deps: { orm: MikroORM; storage: Storage; signer: FileUrlSigner; maxBytes: number; log: Logger }): Router {
  const router = Router();

  const checkSignature = (req: Request, res: Response, action: 'download' | 'upload'): boolean => {
    const verdict = deps.signer.verify(action, String(req.params.id), req.query.expires, req.query.sig);
    if (verdict === 'valid') return true;
    fail(res, 403, verdict === 'expired' ? 'URL_EXPIRED' : 'FORBIDDEN', verdict === 'expired' ? 'This link has expired: ask for a new one' : 'Invalid signature');
    return false;
  };

  const sendFile = async (req: Request, res: Response, file: FileRecord) => {
    const etag = `"${file.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Disposition', attachmentDisposition(file.name));
    // Whatever the content, never let a browser run it in our origin.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-transform');
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    const range = req.headers['if-range'] && req.headers['if-range'] !== etag ? null : parseRange(req.headers.range, file.size);
    if (range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${file.size}`);
      fail(res, 416, 'RANGE_NOT_SATISFIABLE', 'The requested range is outside the file');
      return;
    }
    if (range) {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${range[0]}-${range[1]}/${file.size}`);
      res.setHeader('Content-Length', String(range[1] - range[0] + 1));
    } else {
      res.setHeader('Content-Length', String(file.size));
    }
    if (req.method === 'HEAD' || file.size === 0) {
      res.end();
      return;
    }
    const body = await deps.storage.load(file.storageKey, range ? { start: range[0], end: range[1] } : undefined);
    await pipeline(body, res);
  };

  router.get('/files/:id', async (req, res) => {
    if (!checkSignature(req, res, 'download')) return;
    const file = await new FileRepository(deps.orm.em.fork()).findReady(String(req.params.id));
    if (!file) return fail(res, 404, 'NOT_FOUND', 'File not found');
    try {
      await sendFile(req, res, file);
    } catch (error) {
      // Headers may be out already: all that is left is to cut the connection.
      deps.log.warn({ err: error, fileId: file.id }, 'file download failed');
      if (res.headersSent) res.destroy();
      else fail(res, 502, 'UPSTREAM_ERROR', 'The file could not be read from storage');
    }
  });

  router.put('/files/uploads/:id', async (req, res) => {
    if (!checkSignature(req, res, 'upload')) return;
    const file = await new FileRepository(deps.orm.em.fork()).findPending(String(req.params.id));
    if (!file) return fail(res, 404, 'NOT_FOUND', 'No pending upload with this ID');
    const length = Number(req.headers['content-length']);
    if (!Number.isSafeInteger(length) || length !== file.size) {
      return fail(res, 400, 'BAD_USER_INPUT', `Send exactly the ${file.size} bytes announced, with Content-Length`);
    }
    if (length > deps.maxBytes) return fail(res, 413, 'PAYLOAD_TOO_LARGE', `Files may be at most ${deps.maxBytes} bytes`);
    try {
      await deps.storage.save(file.storageKey, req, { contentLength: length });
      res.status(204).end();
    } catch (error) {
      deps.log.warn({ err: error, fileId: file.id }, 'direct upload failed');
      if (!res.headersSent) fail(res, 400, 'BAD_USER_INPUT', 'The upload did not complete');
    }
  });

  return router;
}
