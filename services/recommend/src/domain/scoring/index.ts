export * from './types.ts';
export * from './factors.ts';
export * from './weights.ts';
export * from './priority.ts';
export * from './reasoning.ts';
export * from './inputs.ts';
export * from './score.ts';
