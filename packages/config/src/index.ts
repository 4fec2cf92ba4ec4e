export { ConfigError, loadConfig, redactConfig } from './load-config.ts';
export { env } from './fields.ts';
export { DEFAULT_PORTS, serviceAddresses, serviceFields } from './service-fields.ts';
