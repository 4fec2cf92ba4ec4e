/** A small seeded PRNG (mulberry32) and generators of hostile inputs, so a failing case reproduces. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => this.int(256)));
  }

  string(maxLength = 24): string {
    const alphabets = [
      'abcxyz',
      'ABC012_-',
      ' \t\n',
      '\u0000\u0007\u001f',
      'éß漢字🙂',
      '"\\/{}[]',
      '\u200b\u202e',
    ];
    let text = '';
    const length = this.int(maxLength + 1);
    for (let index = 0; index < length; index++) text += this.pick([...this.pick(alphabets)]);
    return text;
  }
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  100,
  101,
  4_294_967_296,
  Number.MIN_VALUE,
];

/** Any JSON value, of any shape, up to a depth. */
export function randomJson(random: Random, depth = 3): unknown {
  const kind = random.int(depth > 0 ? 8 : 5);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick(NUMBERS);
    case 3:
    case 4:
      return random.string();
    case 5:
      return Array.from({ length: random.int(4) }, () => randomJson(random, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      const keys = [
        'query',
        'k',
        'filter',
        'filters',
        'tier',
        'stream',
        'id',
        'text',
        'title',
        'metadata',
        'documents',
        '__proto__',
        random.string(8),
      ];
      for (let index = random.int(5); index > 0; index--)
        object[random.pick(keys)] = randomJson(random, depth - 1);
      return object;
    }
  }
}

/** A valid body for a route with one field replaced by a value of a random type (or removed). */
export function mutated(random: Random, valid: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = structuredClone(valid);
  const keys = Object.keys(copy);
  const key = random.pick(keys);
  if (random.chance(0.2)) delete copy[key];
  else copy[key] = randomJson(random, 2);
  if (random.chance(0.1)) copy[random.string(6)] = randomJson(random, 1);
  return copy;
}

/** Raw bodies that are not what a JSON parser expects. */
export function hostileBody(random: Random): Buffer {
  const choices: Array<() => Buffer> = [
    () => Buffer.from(`${'['.repeat(5_000)}1${']'.repeat(5_000)}`),
    () => Buffer.from(`{"query":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`),
    () => Buffer.from('{"query": "abc", "k": 1e999}'),
    () => Buffer.from('{"query": "abc", "k": 123456789012345678901234567890}'),
    () => Buffer.concat([Buffer.from('{"query":"'), random.bytes(16), Buffer.from('"}')]),
    () => Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"query":"bom"}')]),
    () => Buffer.from('{"query":"dup","query":5}'),
    () => Buffer.from('{"query":"trunc'),
    () => Buffer.from(''),
    () => Buffer.from('null'),
    () => Buffer.from('"just a string"'),
    () => Buffer.from('{"__proto__":{"admin":true},"query":"x"}'),
    () => Buffer.from(`{"query":"${'a'.repeat(70 * 1024)}"}`),
    () => random.bytes(random.int(200)),
    () =>
      Buffer.from(
        `{"documents":[${Array.from({ length: 50 }, (_, i) => `{"id":"d${i}","text":""}`).join(',')}]}`,
      ),
  ];
  return random.pick(choices)();
}
