import { connect, type Socket } from 'node:net';

/*
 * A few Redis commands over one connection, in RESP, for the session benchmark and tests: they
 * measure (MEMORY USAGE) and clean up (SCAN, UNLINK) keys under a run's prefix. The root package
 * has no Redis client of its own (ioredis belongs to the services), and these needs are small.
 */
export type RedisReply = string | number | null | RedisReply[];

export class RedisCommands {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  readonly #waiting: Array<{ resolve: (reply: RedisReply) => void; reject: (error: Error) => void }> = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      for (;;) {
        const parsed = parse(this.#buffer, 0);
        if (!parsed) break;
        this.#buffer = this.#buffer.subarray(parsed.end);
        const waiter = this.#waiting.shift();
        if (parsed.value instanceof Error) waiter?.reject(parsed.value);
        else waiter?.resolve(parsed.value);
      }
    });
    socket.on('error', (error) => {
      for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
    });
  }

  static async open(url: string): Promise<RedisCommands> {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RedisCommands(socket);
  }

  send(...args: Array<string | number>): Promise<RedisReply> {
    const parts = args.map(String);
    const frame = `*${parts.length}\r\n${parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')}`;
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#socket.write(frame);
    });
  }

  /** Every key under the prefix (SCAN, bounded by what Redis holds). */
  async keys(prefix: string): Promise<string[]> {
    const found = new Set<string>();
    let cursor = '0';
    do {
      const [next, batch] = (await this.send('SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)) as [
        string,
        string[],
      ];
      cursor = next;
      for (const key of batch) found.add(key);
    } while (cursor !== '0');
    return [...found];
  }

  /** Removes every key under the prefix; resolves with how many there were. */
  async deleteUnder(prefix: string): Promise<number> {
    const keys = await this.keys(prefix);
    for (let index = 0; index < keys.length; index += 500)
      await this.send('UNLINK', ...keys.slice(index, index + 500));
    return keys.length;
  }

  close(): void {
    this.#socket.end();
  }
}

type Parsed = { value: RedisReply | Error; end: number } | undefined;

/** One RESP2 reply starting at `at`, or undefined if the buffer does not hold all of it yet. */
function parse(buffer: Buffer, at: number): Parsed {
  const lineEnd = buffer.indexOf('\r\n', at);
  if (lineEnd < 0) return undefined;
  const kind = String.fromCharCode(buffer[at] as number);
  const line = buffer.toString('utf8', at + 1, lineEnd);
  const next = lineEnd + 2;
  switch (kind) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new Error(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RedisReply[] = [];
      let end = next;
      for (let index = 0; index < count; index++) {
        const item = parse(buffer, end);
        if (!item) return undefined;
        if (item.value instanceof Error) return item;
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end };
    }
    default:
      return { value: new Error(`unexpected RESP reply type ${kind}`), end: buffer.length };
  }
}
