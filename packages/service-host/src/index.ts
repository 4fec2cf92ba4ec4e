export { hostService, type HostOptions, type HostedService, type ServiceKit } from './host-service.ts';
