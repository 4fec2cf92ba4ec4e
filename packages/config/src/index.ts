export { ConfigError, loadConfig, redactConfig } from './load-config.ts';
export { env } from './fields.ts';
export {
  DEFAULT_PORTS,
  serviceAddresses,
  serviceFields,
  type ServiceFieldsConfig,
} from './service-fields.ts';
export {
  MIN_SERVICE_KEY_BYTES,
  readServiceCredentials,
  serviceAuthFields,
  type ServiceAuthConfig,
  type ServiceCredentials,
  type TlsFiles,
} from './service-auth.ts';
export { checkDevelopmentHost, formatHostPort, isLoopbackHost } from './listen-host.ts';
export { bindNaming, PortInUseError, type ListenTarget } from './port-in-use.ts';
export { TIERS, tierRank, type Tier } from './tiers.ts';
