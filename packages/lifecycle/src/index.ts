export { Lifecycle, SUPERVISED_BY_PIPE, type LifecycleLogger, type LifecycleOptions } from './lifecycle.ts';
