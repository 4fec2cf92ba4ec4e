import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORTS } from '../../packages/config/src/index.ts';
import { fleetTopology } from '../../packages/events/src/fleet-topology.ts';
import { loadEmbedConfig } from '../../services/embed/src/config.ts';
import { loadFeedbackConfig } from '../../services/feedback/src/config.ts';
import { parseKeyFile } from '../../services/gateway/src/auth/key-file.ts';
import { loadGatewayConfig } from '../../services/gateway/src/config.ts';
import { loadGenerateConfig } from '../../services/generate/src/config.ts';
import { readLabelledSet } from '../../services/generate/src/experiments/adapters/labelled-set-file.ts';
import { loadRetrieveConfig } from '../../services/retrieve/src/config.ts';
import { loadRouterConfig } from '../../services/router/src/config.ts';
import { loadRecommendConfig } from '../../services/recommend/src/config.ts';
import { loadSessionConfig } from '../../services/session/src/config.ts';
import { componentEnv, containerOf, workloadOf } from './component-env.ts';
import { chart, find, helm, render, valueArgs, type K8sObject, type ValueSet } from './helm.ts';
import { validateObject } from './kubernetes-schemas.ts';

/**
 * The Helm chart, proven the way CI can without a cluster: `helm lint --strict` and `helm
 * template` on each value set, every rendered object checked against its Kubernetes (or CRD)
 * schema, and what each container would start with parsed by that service's own config loader.
 */

const VALUE_SETS: Record<string, ValueSet> = {
  defaults: {},
  dev: { files: ['dev-values.yaml'] },
  prod: { files: ['prod-values.yaml'] },
  'shared index, existing secrets': { files: ['shared-index-values.yaml'] },
};
const SERVICES = ['embed', 'retrieve', 'router', 'generate', 'session', 'recommend', 'feedback'] as const;
const COMPONENTS = ['gateway', ...SERVICES] as const;
const name = (component: string) => `rf-ragfleet-${component}`;

const rendered = new Map<string, K8sObject[]>();
function objectsOf(set: string): K8sObject[] {
  let objects = rendered.get(set);
  if (!objects) {
    objects = render(VALUE_SETS[set]);
    rendered.set(set, objects);
  }
  return objects;
}

/** Loaders parse, and keep, only the variables their service reads (zod drops the rest). */
const LOADERS: Record<(typeof COMPONENTS)[number], (env: Record<string, string>) => object> = {
  gateway: loadGatewayConfig,
  embed: loadEmbedConfig,
  retrieve: loadRetrieveConfig,
  generate: loadGenerateConfig,
  router: loadRouterConfig,
  session: loadSessionConfig,
  recommend: loadRecommendConfig,
  feedback: loadFeedbackConfig,
};
/** Read by every process outside its config schema (packages/telemetry). */
const READ_ELSEWHERE = ['OTEL_EXPORTER_OTLP_ENDPOINT'];
/**
 * Read but not kept under their own names: the router folds these into ENABLED_PROVIDERS, session
 * its TTLs into `timings` (checked below against the chart's values).
 */
const FOLDED = {
  router: ['OLLAMA_HOST', 'ANTHROPIC_API_KEY'],
  session: ['SESSION_TTL_SECONDS', 'SESSION_TURN_EVENTS_TTL_SECONDS'],
} as Record<string, string[]>;

describe.each(Object.keys(VALUE_SETS))('the chart with %s values', (set) => {
  it('passes helm lint --strict', () => {
    const lint = helm(['lint', '--strict', chart, ...valueArgs(VALUE_SETS[set] as ValueSet)]);
    expect(`${lint.stdout}${lint.stderr}`).toContain('0 chart(s) failed');
    expect(lint.status).toBe(0);
  });

  it('renders only objects that their Kubernetes schema accepts', () => {
    const objects = objectsOf(set);
    expect(objects.length).toBeGreaterThan(20);
    for (const object of objects) validateObject(object);
  });

  it.each(COMPONENTS)('starts %s with variables its config loader reads and accepts', (component) => {
    const env = componentEnv(objectsOf(set), name(component));
    const config = LOADERS[component](env);
    const known = new Set([...Object.keys(config), ...READ_ELSEWHERE, ...(FOLDED[component] ?? [])]);
    expect(Object.keys(env).filter((variable) => !known.has(variable))).toEqual([]);
    expect(env.SERVICE_AUTH_KEY_FILE).toBe('/var/run/secrets/ragfleet/service-key/service-key');
  });

  it.each(COMPONENTS)('runs %s hardened, on its default ports, drained before it is killed', (component) => {
    const workload = workloadOf(objectsOf(set), name(component));
    const pod = workload.spec.template.spec;
    const container = containerOf(workload);
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.volumeMounts).toEqual(expect.arrayContaining([{ name: 'tmp', mountPath: '/tmp' }]));
    const env = componentEnv(objectsOf(set), name(component));
    if (env.DATA_DIR) {
      expect(container.volumeMounts.map((mount: { mountPath: string }) => mount.mountPath)).toContain(
        env.DATA_DIR,
      );
    }
    const ports = Object.fromEntries(
      container.ports.map((port: { name: string; containerPort: number }) => [port.name, port.containerPort]),
    );
    if (component === 'gateway') {
      expect(ports).toEqual(DEFAULT_PORTS.gateway);
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
      const drainSeconds = Number(env.GATEWAY_DRAIN_MS) / 1000;
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(
        container.lifecycle.preStop.sleep.seconds + drainSeconds,
      );
    } else {
      expect(ports).toEqual(DEFAULT_PORTS[component]);
      expect(container.readinessProbe.grpc).toEqual({ port: DEFAULT_PORTS[component].grpc });
    }
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'ops' });
    expect(container.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'ops' });
    expect(pod.topologySpreadConstraints.length).toBeGreaterThan(0);
  });

  it('runs retrieve as a StatefulSet with a volume per replica, named after its pod', () => {
    const objects = objectsOf(set);
    const retrieve = workloadOf(objects, name('retrieve'));
    expect(retrieve.kind).toBe('StatefulSet');
    expect(retrieve.spec.volumeClaimTemplates[0].metadata.name).toBe('data');
    const replicaId = containerOf(retrieve).env.find(
      (entry: { name: string }) => entry.name === 'REPLICA_ID',
    );
    expect(replicaId.valueFrom).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
    find(objects, 'Service', `${name('retrieve')}-headless`);
  });

  it('has a helm test pod that checks /readyz and runs one search against the gateway', () => {
    const test = objectsOf(set).find((object) => object.metadata.annotations?.['helm.sh/hook'] === 'test');
    expect(test?.kind).toBe('Pod');
    const script = (test?.spec.containers[0].command as string[]).join(' ');
    expect(script).toContain('/readyz');
    expect(script).toContain('/v1/search');
  });
});

describe('the chart-made secrets', () => {
  it('writes a key file the gateway parses, with a search-only test key whose hash matches', () => {
    const objects = objectsOf('prod');
    const keys = parseKeyFile(
      find(objects, 'Secret', 'rf-ragfleet-gateway-auth').stringData['api-keys.yaml'],
      'api-keys.yaml',
    );
    expect(keys.map((key) => key.id)).toEqual(['acme-ci', 'helm-test']);
    const testKey = Buffer.from(
      find(objects, 'Secret', 'rf-ragfleet-helm-test-key').data['api-key'],
      'base64',
    ).toString();
    const testRecord = keys.find((key) => key.id === 'helm-test');
    expect(testRecord).toMatchObject({ tenant: 'helm-test', scopes: ['search'] });
    expect(testRecord?.hash).toBe(`sha256:${createHash('sha256').update(testKey).digest('hex')}`);
  });

  it('makes a service key long enough for the services to accept', () => {
    const secret = find(objectsOf('defaults'), 'Secret', 'rf-ragfleet-service-key');
    expect(Buffer.from(secret.data['service-key'], 'base64').length).toBeGreaterThanOrEqual(32);
    expect(secret.metadata.annotations['helm.sh/resource-policy']).toBe('keep');
  });
});

describe('the prod values', () => {
  const objects = () => objectsOf('prod');

  it('autoscales with a slow scale-down and leaves retrieve to KEDA', () => {
    const autoscalers = objects().filter((object) => object.kind === 'HorizontalPodAutoscaler');
    expect(autoscalers.map((hpa) => hpa.spec.scaleTargetRef.name).sort()).toEqual(
      ['gateway', 'embed', 'router', 'generate', 'session', 'recommend', 'feedback'].map(name).sort(),
    );
    for (const hpa of autoscalers) {
      expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBeGreaterThanOrEqual(300);
    }
    expect(componentEnv(objects(), name('gateway')).GATEWAY_MIN_REPLICAS).toBe('3');
    expect(workloadOf(objects(), name('retrieve')).spec.replicas).toBeUndefined();
  });

  it('scales retrieve on the ingest consumer retrieve really uses', () => {
    const topology = fleetTopology('prod');
    const scaled = find(objects(), 'ScaledObject', name('retrieve'));
    expect(scaled.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: name('retrieve'),
    });
    expect(scaled.spec.triggers[0]).toMatchObject({
      type: 'nats-jetstream',
      metadata: { stream: topology.streams.ingest.name, consumer: topology.durables.ingestWorker },
    });
  });

  it('publishes only the gateway, with buffering off for streams', () => {
    const ingress = find(objects(), 'Ingress', name('gateway'));
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({
      name: name('gateway'),
      port: { name: 'http' },
    });
  });

  it('lets services take calls only from the components that call them', () => {
    const callersOf = (component: string): string[] => {
      const policy = find(objects(), 'NetworkPolicy', name(component));
      return policy.spec.ingress
        .filter((rule: { ports: Array<{ port: string }> }) => rule.ports[0]?.port !== 'ops')
        .flatMap((rule: { from?: Array<{ podSelector?: { matchLabels: Record<string, string> } }> }) =>
          (rule.from ?? [{}]).map(
            (peer) => peer.podSelector?.matchLabels['app.kubernetes.io/name'] ?? 'anyone',
          ),
        )
        .sort();
    };
    expect(callersOf('retrieve')).toEqual(['gateway', 'generate']);
    expect(callersOf('embed')).toEqual(['retrieve']);
    expect(callersOf('router')).toEqual(['gateway', 'generate']);
    expect(callersOf('generate')).toEqual(['gateway', 'recommend', 'session']);
    expect(callersOf('session')).toEqual(['gateway']);
    expect(callersOf('recommend')).toEqual(['gateway']);
    expect(callersOf('feedback')).toEqual(['gateway', 'recommend']);
    // The gateway takes outside traffic: here, from the ingress controller's namespace.
    const gateway = find(objects(), 'NetworkPolicy', name('gateway'));
    expect(gateway.spec.ingress[0].from[0].namespaceSelector).toBeDefined();
  });

  it('scrapes every component on its ops port', () => {
    const monitors = objects().filter((object) => object.kind === 'ServiceMonitor');
    expect(monitors).toHaveLength(COMPONENTS.length);
    for (const monitor of monitors)
      expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'ops', path: '/metrics' })]);
  });
});

describe('the session component', () => {
  it('is reached by the gateway and calls generate', () => {
    const objects = objectsOf('defaults');
    expect(componentEnv(objects, name('gateway')).SESSION_ADDR).toBe('rf-ragfleet-session:7055');
    expect(componentEnv(objects, name('session')).GENERATE_ADDR).toBe('rf-ragfleet-generate:7054');
  });

  it('runs one replica on its memory store when there is no Redis, with a PDB', () => {
    const objects = objectsOf('defaults');
    expect(componentEnv(objects, name('session')).REDIS_URL).toBeUndefined();
    expect(workloadOf(objects, name('session')).spec.replicas).toBe(1);
    find(objects, 'PodDisruptionBudget', name('session'));
  });

  it('starts with the TTLs and key prefix of its values, as its loader reads them', () => {
    const config = loadSessionConfig(
      componentEnv(
        render({
          setString: {
            'components.session.env.SESSION_TTL_SECONDS': '900',
            'components.session.env.SESSION_TURN_EVENTS_TTL_SECONDS': '120',
            'components.session.env.SESSION_KEY_PREFIX': 'acme:session:',
          },
        }),
        name('session'),
      ),
    );
    expect(config.timings).toEqual({ sessionTtlMs: 900_000, turnEventTtlMs: 120_000 });
    expect(config.SESSION_KEY_PREFIX).toBe('acme:session:');
  });

  it("changes none of the service's defaults: its values only name them", () => {
    const env = componentEnv(objectsOf('defaults'), name('session'));
    const withoutSessionSettings = Object.fromEntries(
      Object.entries(env).filter(([variable]) => !variable.startsWith('SESSION_')),
    );
    expect(Object.keys(env).filter((variable) => variable.startsWith('SESSION_')).length).toBeGreaterThan(8);
    expect(loadSessionConfig(env)).toEqual(loadSessionConfig(withoutSessionSettings));
  });

  it('autoscales on CPU with the prod values, its replicas sharing the external Redis', () => {
    const objects = objectsOf('prod');
    const hpa = find(objects, 'HorizontalPodAutoscaler', name('session'));
    expect(hpa.spec.metrics).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ name: 'cpu' }) }),
    ]);
    expect(hpa.spec.minReplicas).toBe(2);
    expect(componentEnv(objects, name('session')).REDIS_URL).toBe('redis://redis.data.svc:6379');
    find(objects, 'ServiceMonitor', name('session'));
  });
});

describe('the router component', () => {
  it('is reached by the gateway (usage, budgets) and by generate (route, reserve, settle)', () => {
    const objects = objectsOf('defaults');
    expect(componentEnv(objects, name('gateway')).ROUTER_ADDR).toBe('rf-ragfleet-router:7053');
    expect(componentEnv(objects, name('generate')).ROUTER_ADDR).toBe('rf-ragfleet-router:7053');
  });

  it('keeps the embedded ledger on a volume of its own, one replica, when there is no MongoDB', () => {
    const objects = objectsOf('defaults');
    const router = workloadOf(objects, name('router'));
    expect(router.kind).toBe('StatefulSet');
    expect(router.spec.replicas).toBe(1);
    expect(router.spec.volumeClaimTemplates[0].metadata.name).toBe('data');
    expect(containerOf(router).volumeMounts).toContainEqual(
      expect.objectContaining({ name: 'data', mountPath: '/data' }),
    );
    const config = loadRouterConfig(componentEnv(objects, name('router')));
    expect(config.DATA_DIR).toBe('/data');
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('shares Redis budgets, the NATS ledger stream and MongoDB between its prod replicas', () => {
    const objects = objectsOf('prod');
    const config = loadRouterConfig(componentEnv(objects, name('router')));
    expect(config.REDIS_URL).toBe('redis://redis.data.svc:6379');
    expect(config.NATS_URL).toBe('nats://nats.data.svc:4222');
    expect(config.NATS_NAMESPACE).toBe('prod');
    expect(config.MONGODB_URI).toBe('mongodb://mongo.data.svc:27017/ragfleet');
    expect(find(objects, 'HorizontalPodAutoscaler', name('router')).spec.maxReplicas).toBe(10);
    // The ledger is MongoDB's: no claim per replica, the data directory is scratch space.
    const router = workloadOf(objects, name('router'));
    expect(router.spec.volumeClaimTemplates).toBeUndefined();
    expect(router.spec.template.spec.volumes).toContainEqual({ name: 'data', emptyDir: {} });
  });

  it('lets generate share its response cache through Redis', () => {
    expect(componentEnv(objectsOf('defaults'), name('generate')).REDIS_URL).toBeUndefined();
    const config = loadGenerateConfig(componentEnv(objectsOf('prod'), name('generate')));
    expect(config.REDIS_URL).toBe('redis://redis.data.svc:6379');
    expect(config.RESPONSE_CACHE_PREFIX).toBe('ragfleet:answer:');
  });

  it('starts with the budget and health settings of its values, as its loader reads them', () => {
    const config = loadRouterConfig(
      componentEnv(
        render({
          setString: {
            'components.router.env.BUDGET_KEY_PREFIX': 'acme:budgets:',
            'components.router.env.BUDGET_RESERVATION_TTL_SECONDS': '120',
            'components.router.env.BREAKER_STATE_TTL_SECONDS': '30',
          },
        }),
        name('router'),
      ),
    );
    expect(config.BUDGET_KEY_PREFIX).toBe('acme:budgets:');
    expect(config.BUDGET_RESERVATION_TTL_SECONDS).toBe(120);
    expect(config.BREAKER_STATE_TTL_SECONDS).toBe(30);
  });

  it("mounts the operator's routing ConfigMap as a directory, and the router loads the files it names", () => {
    const objects = render({
      set: {
        'routing.existingConfigMap': 'acme-routing',
        'routing.weightsKey': 'weights.json',
        'routing.domainTermsKey': 'terms.txt',
      },
    });
    const router = workloadOf(objects, name('router'));
    const mount = containerOf(router).volumeMounts.find(
      (entry: { name: string }) => entry.name === 'routing',
    );
    // A subPath mount would never see the ConfigMap change, and the catalog would never reload.
    expect(mount).toEqual({ name: 'routing', mountPath: '/etc/ragfleet/routing', readOnly: true });
    expect(router.spec.template.spec.volumes).toContainEqual({
      name: 'routing',
      configMap: { name: 'acme-routing' },
    });
    const env = componentEnv(objects, name('router'));
    expect(env).toMatchObject({
      CATALOG_PATH: '/etc/ragfleet/routing/catalog.json',
      ROUTER_WEIGHTS_FILE: '/etc/ragfleet/routing/weights.json',
      ROUTER_DOMAIN_TERMS_FILE: '/etc/ragfleet/routing/terms.txt',
    });
    // The mounted directory, with the router's own files under the ConfigMap's keys.
    const directory = mkdtempSync(join(tmpdir(), 'ragfleet-routing-'));
    try {
      copyFileSync(
        join(import.meta.dirname, '../../services/router/catalog.json'),
        join(directory, 'catalog.json'),
      );
      copyFileSync(
        join(import.meta.dirname, '../../services/router/routing-weights.json'),
        join(directory, 'weights.json'),
      );
      writeFileSync(join(directory, 'terms.txt'), 'kubernetes\nhelm chart\n');
      const mounted = Object.fromEntries(
        Object.entries(env).map(([variable, value]) => [
          variable,
          value.replace('/etc/ragfleet/routing', directory),
        ]),
      );
      expect(loadRouterConfig(mounted).domainTerms).toEqual(['kubernetes', 'helm chart']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    // Without a ConfigMap: the image's files, nothing mounted.
    const plain = workloadOf(objectsOf('defaults'), name('router'));
    expect(plain.spec.template.spec.volumes.map((volume: { name: string }) => volume.name)).not.toContain(
      'routing',
    );
    expect(componentEnv(objectsOf('defaults'), name('router')).CATALOG_PATH).toBeUndefined();
  });

  it("changes none of the router's or generate's defaults: their values only name them", () => {
    const named = {
      router: ['BUDGET_', 'ROUTER_BUDGET_', 'BREAKER_STATE_', 'CATALOG_POLL_'],
      generate: ['RESPONSE_CACHE_', 'EXPERIMENTS_', 'ROLLOUT_', 'GENERATE_SHADOW_', 'GENERATE_PANEL_'],
    };
    const loaders = { router: loadRouterConfig, generate: loadGenerateConfig };
    for (const component of ['router', 'generate'] as const) {
      const env = componentEnv(objectsOf('defaults'), name(component));
      const isNamed = (variable: string) => named[component].some((prefix) => variable.startsWith(prefix));
      const without = Object.fromEntries(Object.entries(env).filter(([variable]) => !isNamed(variable)));
      expect(Object.keys(env).filter(isNamed).length).toBeGreaterThanOrEqual(component === 'router' ? 5 : 24);
      expect(loaders[component](env)).toEqual(loaders[component](without));
    }
  });
});

describe('the generate component', () => {
  it('keeps the experiment store on a volume of its own, one replica, when there is no Redis', () => {
    const objects = objectsOf('defaults');
    const generate = workloadOf(objects, name('generate'));
    expect(generate.kind).toBe('StatefulSet');
    expect(generate.spec.replicas).toBe(1);
    expect(generate.spec.volumeClaimTemplates[0].metadata.name).toBe('data');
    expect(generate.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('1Gi');
    expect(containerOf(generate).volumeMounts).toContainEqual(
      expect.objectContaining({ name: 'data', mountPath: '/data' }),
    );
    // The root filesystem is read-only: the file store must be under the mounted DATA_DIR.
    expect(containerOf(generate).securityContext.readOnlyRootFilesystem).toBe(true);
    const config = loadGenerateConfig(componentEnv(objects, name('generate')));
    expect(config.DATA_DIR).toBe('/data');
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('shares experiments, rollouts and the shadow budget through Redis in prod, with no claim per replica', () => {
    const objects = objectsOf('prod');
    const config = loadGenerateConfig(componentEnv(objects, name('generate')));
    expect(config.REDIS_URL).toBe('redis://redis.data.svc:6379');
    expect(config.EXPERIMENTS_PREFIX).toBe('ragfleet:experiments:');
    expect(config.GENERATE_SHADOW_PREFIX).toBe('ragfleet:shadow:');
    expect(find(objects, 'HorizontalPodAutoscaler', name('generate')).spec.maxReplicas).toBe(10);
    const generate = workloadOf(objects, name('generate'));
    expect(generate.spec.volumeClaimTemplates).toBeUndefined();
    expect(generate.spec.template.spec.volumes).toContainEqual({ name: 'data', emptyDir: {} });
  });

  it('starts with the experiments, rollout and shadow values, as its loader reads them', () => {
    const objects = render({
      setString: {
        'experiments.storePrefix': 'acme:experiments:',
        'shadow.model': 'ollama/llama3.2',
        'shadow.promptVersion': 'v2',
        'shadow.storePrefix': 'acme:shadow:',
        'components.generate.env.GENERATE_PANEL_PROMPT_VERSION': 'v2',
      },
      set: {
        'experiments.controllerIntervalMs': 10000,
        // Past 1e6 a YAML number would print in exponent form unless the chart writes it as an integer.
        'experiments.assignmentTtlSeconds': 86400000,
        'rollout.holdSeconds': 1800,
        'rollout.holdAnswers': 0,
        'rollout.minRated': 40,
        'rollout.guardMinAnswers': 200,
        'shadow.maxConcurrent': 2,
        'shadow.keepRecent': 500,
      },
      json: {
        'rollout.stages': [0.05, 0.25, 0.5, 1],
        'rollout.maxErrorRate': 0.02,
        'rollout.minQuality': 0.8,
        'shadow.share': 0.25,
        'shadow.budgetUsdPerDay': 2.5,
      },
    });
    const config = loadGenerateConfig(componentEnv(objects, name('generate')));
    expect(config).toMatchObject({
      EXPERIMENTS_PREFIX: 'acme:experiments:',
      EXPERIMENTS_CONTROLLER_INTERVAL_MS: 10_000,
      EXPERIMENTS_ASSIGNMENT_TTL_SECONDS: 86_400_000,
      ROLLOUT_STAGES: [0.05, 0.25, 0.5, 1],
      ROLLOUT_HOLD_SECONDS: 1800,
      ROLLOUT_HOLD_ANSWERS: 0,
      ROLLOUT_MAX_ERROR_RATE: 0.02,
      ROLLOUT_MIN_QUALITY: 0.8,
      ROLLOUT_MIN_RATED: 40,
      ROLLOUT_GUARD_MIN_ANSWERS: 200,
      GENERATE_SHADOW_SHARE: 0.25,
      GENERATE_SHADOW_MODEL: 'ollama/llama3.2',
      GENERATE_SHADOW_PROMPT_VERSION: 'v2',
      GENERATE_SHADOW_BUDGET_USD: 2.5,
      GENERATE_SHADOW_MAX_CONCURRENT: 2,
      GENERATE_SHADOW_KEEP_RECENT: 500,
      GENERATE_SHADOW_PREFIX: 'acme:shadow:',
      GENERATE_PANEL_PROMPT_VERSION: 'v2',
    });
  });
});

describe("generate's labelled set for retrieval candidates", () => {
  it('names the recall floor and deadline at the defaults, and no labelled set, mounting nothing', () => {
    const objects = objectsOf('defaults');
    const env = componentEnv(objects, name('generate'));
    expect(env).toMatchObject({ ROLLOUT_MIN_RECALL: '0.7', ROLLOUT_RECALL_TIMEOUT_MS: '10000' });
    expect(env.ROLLOUT_LABELLED_SET).toBeUndefined();
    // The values only name the service's defaults: the loader reads the same without them.
    const without = { ...env };
    delete without.ROLLOUT_MIN_RECALL;
    delete without.ROLLOUT_RECALL_TIMEOUT_MS;
    expect(loadGenerateConfig(env)).toEqual(loadGenerateConfig(without));
    const config = loadGenerateConfig(env);
    expect(config.ROLLOUT_MIN_RECALL).toBe(0.7);
    expect(config.ROLLOUT_RECALL_TIMEOUT_MS).toBe(10_000);
    expect(config.ROLLOUT_LABELLED_SET).toBeUndefined();
    const generate = workloadOf(objects, name('generate'));
    const volumes = generate.spec.template.spec.volumes.map((volume: { name: string }) => volume.name);
    expect(volumes).not.toContain('labelled-set');
  });

  it("mounts the operator's ConfigMap as a directory, and generate reads the set its key names", async () => {
    const objects = render({
      setString: {
        'rollout.labelledSet.existingConfigMap': 'acme-recall',
        'rollout.labelledSet.key': 'recall-set.json',
      },
      set: { 'rollout.recallTimeoutMs': 2500 },
      json: { 'rollout.minRecall': 0.9 },
    });
    const generate = workloadOf(objects, name('generate'));
    validateObject(generate);
    const mount = containerOf(generate).volumeMounts.find(
      (entry: { name: string }) => entry.name === 'labelled-set',
    );
    expect(mount).toEqual({ name: 'labelled-set', mountPath: '/etc/ragfleet/labelled-set', readOnly: true });
    expect(generate.spec.template.spec.volumes).toContainEqual({
      name: 'labelled-set',
      configMap: { name: 'acme-recall' },
    });
    // Only generate measures recall: no other component mounts the set.
    const router = workloadOf(objects, name('router'));
    expect(router.spec.template.spec.volumes.map((volume: { name: string }) => volume.name)).not.toContain(
      'labelled-set',
    );
    const env = componentEnv(objects, name('generate'));
    const config = loadGenerateConfig(env);
    expect(config).toMatchObject({
      ROLLOUT_LABELLED_SET: '/etc/ragfleet/labelled-set/recall-set.json',
      ROLLOUT_MIN_RECALL: 0.9,
      ROLLOUT_RECALL_TIMEOUT_MS: 2500,
    });
    // The mounted directory, with the repository's labelled set under the ConfigMap's key.
    const directory = mkdtempSync(join(tmpdir(), 'ragfleet-labelled-set-'));
    try {
      copyFileSync(
        join(import.meta.dirname, '../../data/rollout/recall-set.json'),
        join(directory, 'recall-set.json'),
      );
      const path = config.ROLLOUT_LABELLED_SET!.replace('/etc/ragfleet/labelled-set', directory);
      const set = await readLabelledSet(path);
      expect(set.tenant).toBe('default');
      expect(set.queries.length).toBeGreaterThan(0);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('the recommend component', () => {
  it('is reached by the gateway and calls feedback (weights) and generate (Suggest)', () => {
    const objects = objectsOf('defaults');
    expect(componentEnv(objects, name('gateway')).RECOMMEND_ADDR).toBe('rf-ragfleet-recommend:7056');
    const env = componentEnv(objects, name('recommend'));
    expect(env.FEEDBACK_ADDR).toBe('rf-ragfleet-feedback:7057');
    expect(env.GENERATE_ADDR).toBe('rf-ragfleet-generate:7054');
  });

  it('keeps nothing: no volume, only stable pod names for its weights consumer (REPLICA_ID)', () => {
    const defaults = objectsOf('defaults');
    const recommend = workloadOf(defaults, name('recommend'));
    expect(recommend.kind).toBe('StatefulSet');
    expect(recommend.spec.podManagementPolicy).toBe('Parallel');
    expect(recommend.spec.volumeClaimTemplates).toBeUndefined();
    expect(recommend.spec.template.spec.volumes.map((volume: { name: string }) => volume.name)).not.toContain(
      'data',
    );
    const replicaId = containerOf(recommend).env.find(
      (entry: { name: string }) => entry.name === 'REPLICA_ID',
    );
    expect(replicaId.valueFrom).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
    const env = componentEnv(defaults, name('recommend'));
    const config = loadRecommendConfig(env);
    // The pod's name, not the loader's hostname() default.
    expect(config.REPLICA_ID).toBe(env.REPLICA_ID);
    expect(config.NATS_URL).toBeUndefined();
    find(defaults, 'PodDisruptionBudget', name('recommend'));
  });

  it('autoscales on CPU with the prod values, its replicas on the shared NATS', () => {
    const prod = objectsOf('prod');
    const hpa = find(prod, 'HorizontalPodAutoscaler', name('recommend'));
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'StatefulSet', name: name('recommend') });
    expect(hpa.spec.metrics).toEqual([
      expect.objectContaining({ resource: expect.objectContaining({ name: 'cpu' }) }),
    ]);
    expect(hpa.spec.maxReplicas).toBe(10);
    const config = loadRecommendConfig(componentEnv(prod, name('recommend')));
    expect(config.NATS_URL).toBe('nats://nats.data.svc:4222');
    expect(config.NATS_NAMESPACE).toBe('prod');
    find(prod, 'ServiceMonitor', name('recommend'));
  });

  it('starts with the pack and model settings of its values, as its loader reads them', () => {
    const config = loadRecommendConfig(
      componentEnv(
        render({
          setString: {
            'components.recommend.env.RECOMMEND_MODEL_TIMEOUT_MS': '20000',
            'components.recommend.env.RECOMMEND_MAX_SCORE_CANDIDATES': '200',
            'components.recommend.env.RECOMMEND_WEIGHTS_POLL_MS': '5000',
          },
        }),
        name('recommend'),
      ),
    );
    expect(config.RECOMMEND_MODEL_TIMEOUT_MS).toBe(20_000);
    expect(config.RECOMMEND_MAX_SCORE_CANDIDATES).toBe(200);
    expect(config.RECOMMEND_WEIGHTS_POLL_MS).toBe(5_000);
    expect(config.RECOMMEND_RULE_PACK).toBe('lightning');
  });

  it("changes none of the scorer's defaults: its values only name them", () => {
    const env = componentEnv(objectsOf('defaults'), name('recommend'));
    const named = (variable: string) => variable.startsWith('RECOMMEND_');
    const without = Object.fromEntries(Object.entries(env).filter(([variable]) => !named(variable)));
    expect(Object.keys(env).filter(named).length).toBeGreaterThanOrEqual(6);
    expect(loadRecommendConfig(env)).toEqual(loadRecommendConfig(without));
  });

  it('may run many replicas with no dependency at all', () => {
    const objects = render({ set: { 'components.recommend.replicas': 4 } });
    expect(workloadOf(objects, name('recommend')).spec.replicas).toBe(4);
  });
});

describe('the feedback component', () => {
  it('is reached by the gateway and by recommend', () => {
    const objects = objectsOf('defaults');
    expect(componentEnv(objects, name('gateway')).FEEDBACK_ADDR).toBe('rf-ragfleet-feedback:7057');
    expect(componentEnv(objects, name('recommend')).FEEDBACK_ADDR).toBe('rf-ragfleet-feedback:7057');
  });

  it('keeps its embedded store on a volume of its own, one replica, when there is no MongoDB', () => {
    const objects = objectsOf('defaults');
    const feedback = workloadOf(objects, name('feedback'));
    expect(feedback.kind).toBe('StatefulSet');
    expect(feedback.spec.replicas).toBe(1);
    expect(feedback.spec.volumeClaimTemplates[0].metadata.name).toBe('data');
    expect(feedback.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('1Gi');
    expect(containerOf(feedback).volumeMounts).toContainEqual(
      expect.objectContaining({ name: 'data', mountPath: '/data' }),
    );
    const config = loadFeedbackConfig(componentEnv(objects, name('feedback')));
    expect(config.DATA_DIR).toBe('/data');
    expect(config.MONGODB_URI).toBeUndefined();
    find(objects, 'PodDisruptionBudget', name('feedback'));
  });

  it('shares MongoDB and NATS between its prod replicas, with no claim per replica', () => {
    const objects = objectsOf('prod');
    const config = loadFeedbackConfig(componentEnv(objects, name('feedback')));
    expect(config.MONGODB_URI).toBe('mongodb://mongo.data.svc:27017/ragfleet');
    expect(config.NATS_URL).toBe('nats://nats.data.svc:4222');
    expect(config.NATS_NAMESPACE).toBe('prod');
    expect(find(objects, 'HorizontalPodAutoscaler', name('feedback')).spec.maxReplicas).toBe(10);
    const feedback = workloadOf(objects, name('feedback'));
    expect(feedback.spec.volumeClaimTemplates).toBeUndefined();
    expect(feedback.spec.template.spec.volumes).toContainEqual({ name: 'data', emptyDir: {} });
    find(objects, 'ServiceMonitor', name('feedback'));
  });

  it('starts with the measurement and learning settings of its values, as its loader reads them', () => {
    const config = loadFeedbackConfig(
      componentEnv(
        render({
          setString: {
            'components.feedback.env.FEEDBACK_MEASURE_AFTER_MS': '3600000',
            'components.feedback.env.FEEDBACK_MEASURE_CLAIM_MS': '60000',
            'components.feedback.env.FEEDBACK_LEARNING_MAX_STEP': '0.1',
          },
        }),
        name('feedback'),
      ),
    );
    expect(config.FEEDBACK_MEASURE_AFTER_MS).toBe(3_600_000);
    expect(config.FEEDBACK_MEASURE_CLAIM_MS).toBe(60_000);
    expect(config.FEEDBACK_LEARNING_MAX_STEP).toBe(0.1);
    // Unset by the chart: the subject's pack decides when an outcome is measured.
    expect(
      loadFeedbackConfig(componentEnv(objectsOf('defaults'), name('feedback'))).FEEDBACK_MEASURE_AFTER_MS,
    ).toBeUndefined();
  });

  it("changes none of feedback's defaults: its values only name them", () => {
    const env = componentEnv(objectsOf('defaults'), name('feedback'));
    const named = (variable: string) => variable.startsWith('FEEDBACK_');
    const without = Object.fromEntries(Object.entries(env).filter(([variable]) => !named(variable)));
    expect(Object.keys(env).filter(named).length).toBeGreaterThanOrEqual(11);
    expect(loadFeedbackConfig(env)).toEqual(loadFeedbackConfig(without));
  });
});

describe('the dev values', () => {
  it('points the fleet at the Redis and NATS JetStream inside the release', () => {
    const objects = objectsOf('dev');
    expect(componentEnv(objects, name('gateway')).REDIS_URL).toBe('redis://rf-ragfleet-redis:6379');
    expect(componentEnv(objects, name('retrieve')).NATS_URL).toBe('nats://rf-ragfleet-nats:4222');
    expect(componentEnv(objects, name('session')).REDIS_URL).toBe('redis://rf-ragfleet-redis:6379');
    expect(componentEnv(objects, name('recommend')).NATS_URL).toBe('nats://rf-ragfleet-nats:4222');
    expect(componentEnv(objects, name('feedback')).NATS_URL).toBe('nats://rf-ragfleet-nats:4222');
    const nats = containerOf(workloadOf(objects, 'rf-ragfleet-nats'));
    expect(nats.args).toContain('--jetstream');
    for (const component of COMPONENTS) expect(workloadOf(objects, name(component)).spec.replicas).toBe(1);
  });
});

describe('adding a service', () => {
  it('takes a few lines of values and gets every object and policy', () => {
    const objects = render({
      set: {
        'components.ranker.port': '7060',
        'components.ranker.opsPort': '9110',
        'components.ranker.upstreams[0]': 'retrieve',
        'networkPolicy.enabled': 'true',
      },
    });
    const kinds = objects
      .filter((object) => object.metadata.name === name('ranker'))
      .map((object) => object.kind);
    expect(kinds.sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Service',
      'ServiceAccount',
    ]);
    expect(componentEnv(objects, name('ranker')).RETRIEVE_ADDR).toBe('rf-ragfleet-retrieve:7052');
  });
});
