import { find, type K8sObject } from './helm.ts';

/**
 * The environment a component's container would start with: its ConfigMap (envFrom), then its
 * env entries, with each Secret reference resolved from the Secrets the chart rendered, or a
 * stand-in for a Secret the operator brings (an existingSecret), and the pod name for a fieldRef.
 */

const POD_NAME = 'rf-ragfleet-retrieve-0';
const STAND_INS: Record<string, string> = {
  REDIS_URL: 'redis://redis.data.svc:6379',
  NATS_URL: 'nats://nats.data.svc:4222',
  MONGODB_URI: 'mongodb://mongo.data.svc:27017/ragfleet',
  GATEWAY_JWT_SECRET: 'j'.repeat(40),
  GATEWAY_ADMIN_TOKEN: 'a'.repeat(24),
  ANTHROPIC_API_KEY: 'sk-ant-test',
};

function secretValue(objects: K8sObject[], name: string, key: string): string | undefined {
  const secret = objects.find((object) => object.kind === 'Secret' && object.metadata.name === name);
  if (!secret) return undefined;
  if (secret.stringData?.[key] !== undefined) return String(secret.stringData[key]);
  if (secret.data?.[key] !== undefined)
    return Buffer.from(String(secret.data[key]), 'base64').toString('utf8');
  throw new Error(`Secret ${name} has no key ${key}`);
}

export function workloadOf(objects: K8sObject[], name: string): K8sObject {
  const found = objects.find(
    (object) =>
      (object.kind === 'Deployment' || object.kind === 'StatefulSet') && object.metadata.name === name,
  );
  if (!found) throw new Error(`no workload ${name} rendered`);
  return found;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function containerOf(workload: K8sObject): Record<string, any> {
  return workload.spec.template.spec.containers[0];
}

export function componentEnv(objects: K8sObject[], name: string): Record<string, string> {
  const container = containerOf(workloadOf(objects, name));
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    Object.assign(env, find(objects, 'ConfigMap', source.configMapRef.name).data);
  }
  for (const entry of container.env ?? []) {
    if (entry.value !== undefined) env[entry.name] = String(entry.value);
    else if (entry.valueFrom?.fieldRef) env[entry.name] = POD_NAME;
    else if (entry.valueFrom?.secretKeyRef) {
      const { name: secret, key } = entry.valueFrom.secretKeyRef;
      const value = secretValue(objects, secret, key) ?? STAND_INS[entry.name];
      if (value === undefined)
        throw new Error(`${name}: ${entry.name} refers to ${secret}/${key}, not rendered`);
      env[entry.name] = value;
    }
  }
  return env;
}
