/**
 * Splits a byte stream into NDJSON values. Chunks may cut a line (or a UTF-8 character) anywhere,
 * so incomplete tails are kept until the next chunk or the end.
 */
export class NdjsonLineParser {
  readonly #decoder = new TextDecoder();
  #buffer = '';

  /** The values completed by this chunk, in order. */
  push(chunk: Uint8Array | string): unknown[] {
    this.#buffer += typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    const values: unknown[] = [];
    let newline: number;
    while ((newline = this.#buffer.indexOf('\n')) >= 0) {
      const line = this.#buffer.slice(0, newline);
      this.#buffer = this.#buffer.slice(newline + 1);
      const value = parseLine(line);
      if (value !== undefined) values.push(value);
    }
    return values;
  }

  /** At the end of the stream: a last line without its newline still counts. */
  flush(): unknown[] {
    this.#buffer += this.#decoder.decode();
    const rest = parseLine(this.#buffer);
    this.#buffer = '';
    return rest === undefined ? [] : [rest];
  }
}

function parseLine(line: string): unknown {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    throw new Error(`invalid NDJSON line: ${trimmed.slice(0, 80)}`);
  }
}

/** Each value of an NDJSON body as soon as its line is complete. */
export async function* readNdjson(body: AsyncIterable<Uint8Array>): AsyncGenerator<unknown> {
  const parser = new NdjsonLineParser();
  for await (const chunk of body) yield* parser.push(chunk);
  yield* parser.flush();
}
