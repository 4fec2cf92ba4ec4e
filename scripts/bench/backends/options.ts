// The benchmark's command line: which corpus sizes, which backends, how many queries, how long.
import { RagfleetError } from '../../../packages/errors/src/index.ts';

export const BACKEND_NAMES = ['hnsw', 'lancedb'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface BenchOptions {
  sizes: number[];
  backends: BackendName[];
  dimensions: number;
  /** Held-out queries; every one gets an exact top-10 for recall. */
  queries: number;
  /** Query blocks per backend and mode (alternating order, A B then B A). */
  rounds: number;
  /** Queries per block. */
  block: number;
  /** Candidates each ranking returns, as retrieve's SEARCH_CANDIDATES (hybrid fuses two of these). */
  candidates: number;
  seed: number;
  /** Upper bound on the query phase of one size, all modes and backends together. */
  querySeconds: number;
  /** Upper bound on one backend's inserts at one size; past it that backend is reported failed. */
  buildSeconds: number;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  sizes: [10_000, 100_000, 1_000_000],
  backends: ['hnsw', 'lancedb'],
  dimensions: 512,
  queries: 300,
  rounds: 6,
  block: 100,
  candidates: 100,
  seed: 42,
  querySeconds: 600,
  buildSeconds: 3600,
};

const FLAGS = [
  'sizes',
  'backends',
  'dimensions',
  'queries',
  'rounds',
  'block',
  'candidates',
  'seed',
  'query-seconds',
  'build-seconds',
];

function invalid(flag: string, expected: string, value: string | undefined): RagfleetError {
  return new RagfleetError('INVALID_ARGUMENT', `--${flag} must be ${expected}`, {
    details: { flag, value },
  });
}

function positiveInteger(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw invalid(flag, 'a positive integer', value);
  return parsed;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `--name value` or `--name=value` pairs; an unknown flag is an error, not ignored. */
export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (!argument.startsWith('--'))
      throw new RagfleetError('INVALID_ARGUMENT', `expected a flag, got ${argument}`, {
        details: { known: FLAGS },
      });
    const equals = argument.indexOf('=');
    const flag = argument.slice(2, equals < 0 ? undefined : equals);
    const value = equals < 0 ? argv[++i] : argument.slice(equals + 1);
    switch (flag) {
      case 'sizes':
        options.sizes = list(value).map((size) => positiveInteger(flag, size));
        if (options.sizes.length === 0) throw invalid(flag, 'a comma list of corpus sizes', value);
        break;
      case 'backends': {
        const names = list(value);
        if (names.length === 0 || !names.every((name) => (BACKEND_NAMES as readonly string[]).includes(name)))
          throw invalid(flag, `a comma list of ${BACKEND_NAMES.join(', ')}`, value);
        options.backends = names as BackendName[];
        break;
      }
      case 'dimensions':
      case 'queries':
      case 'rounds':
      case 'block':
      case 'candidates':
      case 'seed':
        options[flag] = positiveInteger(flag, value);
        break;
      case 'query-seconds':
        options.querySeconds = positiveInteger(flag, value);
        break;
      case 'build-seconds':
        options.buildSeconds = positiveInteger(flag, value);
        break;
      default:
        throw new RagfleetError('INVALID_ARGUMENT', `unknown flag --${flag}`, {
          details: { flag, known: FLAGS },
        });
    }
  }
  return options;
}
