/**
 * A background pass run at start and then every interval, never two at once: a pass still
 * running when the next tick comes is joined, not doubled. `stop()` clears the timer and
 * waits for the pass in progress. The timer never keeps the process alive.
 */
export class PeriodicTask<T> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T>;

  constructor(
    private readonly pass: () => Promise<T>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** One pass now (or the one already running). */
  run(): Promise<T> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Starts the first pass at once and repeats every `intervalMs`; resolves when the first pass ends. */
  start(intervalMs: number): Promise<void> {
    const tick = () => this.run().then(() => undefined, this.onError);
    this.timer = setInterval(() => void tick(), intervalMs);
    this.timer.unref();
    return tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
