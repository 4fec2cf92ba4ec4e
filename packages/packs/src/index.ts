export * from './metric-schema.ts';
export * from './subject-metrics.ts';
export * from './check-metrics.ts';
export * from './outcome.ts';
export * from './load-pack.ts';
export * from '../lightning/context.ts';
