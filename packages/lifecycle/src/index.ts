export { Lifecycle, type LifecycleLogger, type LifecycleOptions } from './lifecycle.ts';
