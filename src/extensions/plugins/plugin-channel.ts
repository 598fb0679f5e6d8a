/**
 * The gateway's end of a plugin process's message channel: newline-delimited JSON over a
 * plain socket pair (stdio fd 3). The plugin's end is Node's own IPC channel (its process
 * gets NODE_CHANNEL_FD=3, so `process.send` works there and no socket object exists in it),
 * and Node's JSON serialisation is exactly one JSON text per line.
 *
 * Why not Node's IPC on this side too: plugin code can write anything to the descriptor
 * (fs.writeSync(3, …) — the permission model checks paths, not open descriptors), and
 * Node's parent-side IPC parser throws an invalid line as an uncaught exception in the
 * gateway (measured on Node 20 and 24) and buffers a line of any length. Here a line is
 * capped in bytes before it is parsed, and anything malformed is a protocol violation of
 * that one plugin.
 */
import type { Socket } from 'node:net';

const NEWLINE = 0x0a;

export interface ChannelHandlers {
  message(value: unknown): void;
  /** Malformed or oversized input: the channel has stopped reading. */
  violation(reason: string): void;
}

export class JsonLineChannel {
  private parts: Buffer[] = [];
  private length = 0;
  private broken = false;

  constructor(
    private readonly socket: Socket,
    private readonly maxLineBytes: number,
    private readonly handlers: ChannelHandlers,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // The process going away also errors/ends the socket; its exit is handled elsewhere.
    socket.on('error', () => undefined);
  }

  send(message: object): void {
    if (this.broken || !this.socket.writable) return;
    this.socket.write(`${JSON.stringify(message)}\n`);
  }

  ref(): void {
    this.socket.ref();
  }

  unref(): void {
    this.socket.unref();
  }

  private onData(chunk: Buffer): void {
    if (this.broken) return;
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.take(chunk.subarray(start, end));
      if (this.broken) return;
      this.deliver();
      if (this.broken) return;
      start = end + 1;
    }
    if (start < chunk.length) this.take(chunk.subarray(start));
  }

  private take(piece: Buffer): void {
    this.length += piece.length;
    if (this.length > this.maxLineBytes) return this.fail(`a message larger than ${this.maxLineBytes} bytes`);
    this.parts.push(piece);
  }

  private deliver(): void {
    const line = Buffer.concat(this.parts, this.length).toString('utf8');
    this.parts = [];
    this.length = 0;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return this.fail('a line that is not JSON');
    }
    this.handlers.message(value);
  }

  private fail(reason: string): void {
    this.broken = true;
    this.parts = [];
    this.length = 0;
    this.socket.pause();
    this.handlers.violation(reason);
  }
}
