export { ConfigError, loadConfig, redactConfig } from './load-config.ts';
export { env } from './fields.ts';
