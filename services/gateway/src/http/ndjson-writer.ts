import type { Response } from 'express';

export const NDJSON_TYPE = 'application/x-ndjson';

/**
 * Frames a stream as NDJSON: one JSON object per line, each written (and so flushed) as it comes.
 * Headers go out with the first event, so a failure before any event can still be answered
 * with a proper status and the error envelope. A slow reader applies backpressure upstream.
 */
export class NdjsonWriter {
  readonly #response: Response;
  readonly #onFirstByte: () => void;
  #started = false;

  constructor(response: Response, onFirstByte: () => void = () => {}) {
    this.#response = response;
    this.#onFirstByte = onFirstByte;
  }

  get started(): boolean {
    return this.#started;
  }

  /** True once the client has gone: nothing more can be delivered. */
  get closed(): boolean {
    return this.#response.destroyed || this.#response.writableEnded;
  }

  async write(event: object): Promise<void> {
    if (this.closed) return;
    this.open();
    if (!this.#response.write(`${JSON.stringify(event)}\n`)) await this.#drained();
  }

  /** Sends the status and headers now (a stream that may have no event at all, as a resume of an ended turn). */
  open(): void {
    if (!this.#started && !this.closed) {
      this.#started = true;
      this.#response.status(200);
      this.#response.setHeader('Content-Type', `${NDJSON_TYPE}; charset=utf-8`);
      this.#response.setHeader('Cache-Control', 'no-cache, no-transform');
      // Reverse proxies (nginx) would otherwise buffer the whole answer.
      this.#response.setHeader('X-Accel-Buffering', 'no');
      this.#onFirstByte();
    }
  }

  end(): void {
    if (this.#started && !this.closed) this.#response.end();
  }

  #drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#response.off('drain', done);
        this.#response.off('close', done);
        resolve();
      };
      this.#response.on('drain', done);
      this.#response.on('close', done);
    });
  }
}
