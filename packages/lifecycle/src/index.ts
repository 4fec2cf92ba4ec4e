export { Lifecycle, SUPERVISED_BY_PIPE, type LifecycleLogger, type LifecycleOptions } from './lifecycle.ts';
export { startPeriodicTask, type PeriodicLogger, type PeriodicTask } from './periodic-task.ts';
