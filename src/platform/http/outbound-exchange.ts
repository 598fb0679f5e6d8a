/**
 * One outbound exchange (all redirect hops and retries, plus reading the body): the
 * total-timeout timer, the caller's abort signal, and the translation of whatever undici
 * or Node threw into an AppError. Error messages name the host, never the query string,
 * header values or bodies.
 */
import { AppError, TimeoutError, UpstreamError, ValidationError } from '../../errors.js';

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EAI_FAIL: 'DNS lookup failed',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_ABORTED: 'request aborted',
  UND_ERR_CLOSED: 'client closed',
  UND_ERR_DESTROYED: 'client closed',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'request body length mismatch',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response body length mismatch',
  UND_ERR_RESPONSE_EXCEEDED_MAX_SIZE: 'response too large',
  HPE_INVALID_CONSTANT: 'invalid HTTP response',
  HPE_INVALID_HEADER_TOKEN: 'invalid HTTP response',
  HPE_INVALID_STATUS: 'invalid HTTP response',
  HPE_HEADER_OVERFLOW: 'response headers too large',
};

/** Failures worth another attempt for an idempotent request. */
const RETRYABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isRetryableNetworkError(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && RETRYABLE_CODES.has(code);
}

function abortError(reason: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The operation was aborted', 'AbortError');
}

export class OutboundExchange {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private timedOut = false;
  private callerAborted = false;
  private finished = false;

  constructor(
    private readonly callerSignal: AbortSignal | undefined,
    private readonly totalTimeoutMs: number,
    /** host[:port] of the URL being fetched; updated on every redirect hop. */
    public host: string,
  ) {
    if (callerSignal?.aborted) {
      this.callerAborted = true;
      this.controller.abort(abortError(callerSignal.reason));
    } else {
      callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    }
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort(this.timeoutError());
      this.finish();
    }, totalTimeoutMs);
    this.timer.unref();
  }

  /** Aborts on caller abort or total timeout; passed to every undici request of this exchange. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops the timer and detaches from the caller's signal; call once the body is done with. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  /** Waits `ms`, or rejects as soon as the exchange is aborted or times out. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = this.controller.signal;
      if (signal.aborted) {
        reject(this.mapError(signal.reason));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(this.mapError(signal.reason));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  /** Turns anything thrown during the exchange into an AppError, or an AbortError for a caller abort. */
  mapError(err: unknown): Error {
    if (this.callerAborted) return abortError(this.callerSignal?.reason);
    if (this.timedOut) return err instanceof TimeoutError ? err : this.timeoutError();
    if (err instanceof AppError) return err;
    const code = codeOf(err);
    if (code && TIMEOUT_CODES.has(code)) {
      return new TimeoutError(
        code === 'UND_ERR_CONNECT_TIMEOUT' ? `Connecting to ${this.host} timed out` : `Request to ${this.host} timed out`,
      );
    }
    if (code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_NOT_SUPPORTED') {
      // undici's messages here name the offending option or header, never its value.
      const detail = err instanceof Error ? err.message : 'invalid request';
      return new ValidationError(`Invalid outbound request: ${detail}`);
    }
    const reason = (code && NETWORK_REASONS[code]) ?? (code ? `network error (${code})` : 'network error');
    return new UpstreamError(`Request to ${this.host} failed: ${reason}`, code ? { cause: code } : undefined);
  }

  private timeoutError(): TimeoutError {
    return new TimeoutError(`Request to ${this.host} timed out after ${this.totalTimeoutMs} ms`);
  }

  private readonly onCallerAbort = () => {
    this.callerAborted = true;
    this.controller.abort(abortError(this.callerSignal?.reason));
  };
}
