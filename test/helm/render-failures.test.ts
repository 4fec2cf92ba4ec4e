import { describe, expect, it } from '@jest/globals';
import { renderError, type ValueSet } from './helm.ts';

/**
 * Values that contradict each other, or that a service would refuse at start, stop `helm
 * template` (and so `helm install`) with one message naming them.
 */
const MONGO = { 'dependencies.mongodb.url': 'mongodb://mongo:27017/ragfleet' };
const NATS = { 'dependencies.nats.url': 'nats://nats:4222' };

const CASES: Array<[string, ValueSet, RegExp]> = [
  [
    'two retrieve replicas on the embedded store',
    { set: { 'components.retrieve.replicas': 2 } },
    /components\.retrieve: 2 replicas .*need dependencies\.mongodb/,
  ],
  [
    'an HPA on retrieve with the embedded store',
    { set: { 'components.retrieve.autoscaling.enabled': true } },
    /components\.retrieve: 6 replicas .*need dependencies\.mongodb/,
  ],
  [
    'two session replicas without Redis',
    { set: { 'components.session.replicas': 2 } },
    /components\.session: 2 replicas .*need dependencies\.redis/,
  ],
  [
    'an HPA on session without Redis',
    { set: { 'components.session.autoscaling.enabled': true } },
    /components\.session: 6 replicas .*need dependencies\.redis/,
  ],
  [
    'a session summary batch as large as its trigger',
    { setString: { 'components.session.env.SESSION_SUMMARY_BATCH_MESSAGES': '45' } },
    /SESSION_SUMMARY_BATCH_MESSAGES \(45\) < SESSION_SUMMARY_TRIGGER_MESSAGES \(45\) <= SESSION_WINDOW_MESSAGES \(50\) must hold/,
  ],
  [
    'a session summary trigger beyond its window',
    { setString: { 'components.session.env.SESSION_SUMMARY_TRIGGER_MESSAGES': '60' } },
    /SESSION_SUMMARY_TRIGGER_MESSAGES \(60\) <= SESSION_WINDOW_MESSAGES \(50\) must hold/,
  ],
  [
    'two router replicas on the embedded ledger',
    { set: { 'components.router.replicas': 2, 'dependencies.redis.url': 'redis://redis:6379' } },
    /components\.router: 2 replicas .*need dependencies\.mongodb: .*ledger/,
  ],
  [
    'an HPA on the router with the embedded ledger',
    {
      set: { 'components.router.autoscaling.enabled': true, 'dependencies.redis.url': 'redis://redis:6379' },
    },
    /components\.router: 6 replicas .*need dependencies\.mongodb/,
  ],
  [
    'router replicas sharing MongoDB with budgets in memory',
    { set: { 'components.router.replicas': 3, ...MONGO } },
    /components\.router: 3 replicas .*need dependencies\.redis: .*budgets in memory/,
  ],
  [
    'two feedback replicas on the embedded store',
    { set: { 'components.feedback.replicas': 2 } },
    /components\.feedback: 2 replicas .*need dependencies\.mongodb: .*DATA_DIR/,
  ],
  [
    'an HPA on feedback with the embedded store',
    { set: { 'components.feedback.autoscaling.enabled': true } },
    /components\.feedback: 6 replicas .*need dependencies\.mongodb/,
  ],
  [
    'two generate replicas on the file experiment store',
    { set: { 'components.generate.replicas': 2 } },
    /components\.generate: 2 replicas .*need dependencies\.redis: .*experiments and rollouts in a file under DATA_DIR/,
  ],
  [
    'an HPA on generate with the file experiment store',
    { set: { 'components.generate.autoscaling.enabled': true } },
    /components\.generate: 6 replicas .*need dependencies\.redis/,
  ],
  [
    'rollout stages that shrink',
    { json: { 'rollout.stages': [0.5, 0.2, 1] } },
    /rollout\.stages \[0\.5 0\.2 1\]: the shares must grow .* or generate refuses to start/,
  ],
  [
    'a rollout stage repeated',
    { json: { 'rollout.stages': [0.5, 0.5, 1] } },
    /rollout\.stages \[0\.5 0\.5 1\]: the shares must grow/,
  ],
  [
    'rollout stages that never reach the whole traffic',
    { json: { 'rollout.stages': [0.1, 0.5] } },
    /rollout\.stages \[0\.1 0\.5\]: the last stage must be 1/,
  ],
  [
    'a rollout stage of no traffic',
    { json: { 'rollout.stages': [0, 1] } },
    /rollout\.stages\.0: Must be greater than 0/,
  ],
  [
    'a rollout error-rate guard of 1',
    { json: { 'rollout.maxErrorRate': 1 } },
    /rollout\.maxErrorRate: Must be less than 1/,
  ],
  [
    'a shadow share above 1',
    { json: { 'shadow.share': 1.5 } },
    /shadow\.share: Must be less than or equal to 1/,
  ],
  [
    'a shadow model without its provider',
    { setString: { 'shadow.model': 'llama3.2' } },
    /shadow\.model: Does not match pattern/,
  ],
  [
    'a negative shadow budget',
    { json: { 'shadow.budgetUsdPerDay': -1 } },
    /shadow\.budgetUsdPerDay: Must be greater than or equal to 0/,
  ],
  [
    'a gateway calling a recommend that is turned off',
    { set: { 'components.recommend.enabled': false } },
    /components\.gateway\.upstreams: recommend is not an enabled component/,
  ],
  [
    'retrieve replicas sharing MongoDB without NATS',
    { set: { 'components.retrieve.replicas': 3, ...MONGO } },
    /components\.retrieve: 3 replicas need dependencies\.nats/,
  ],
  [
    'an HPA and KEDA on the same workload',
    {
      set: {
        'keda.enabled': true,
        'components.retrieve.autoscaling.enabled': true,
        ...MONGO,
        ...NATS,
        'dependencies.nats.monitoringEndpoint': 'nats:8222',
      },
    },
    /autoscaling\.enabled and keda\.enabled both scale retrieve/,
  ],
  [
    'KEDA without NATS',
    { set: { 'keda.enabled': true, ...MONGO } },
    /retrieve: 6 replicas need dependencies\.nats/,
  ],
  [
    'LANCEDB_SHARED on the hnsw backend',
    { setString: { 'components.retrieve.env.LANCEDB_SHARED': 'true' } },
    /LANCEDB_SHARED applies to INDEX_BACKEND=lancedb only/,
  ],
  [
    'LANCEDB_SHARED without MongoDB',
    {
      setString: {
        'components.retrieve.env.LANCEDB_SHARED': 'true',
        'components.retrieve.env.INDEX_BACKEND': 'lancedb',
        'components.retrieve.env.LANCEDB_URI': 's3://bucket/index',
      },
    },
    /LANCEDB_SHARED needs env\.LANCEDB_URI .* and dependencies\.mongodb/,
  ],
  [
    'a grace period shorter than the gateway drain',
    { setString: { 'components.gateway.env.GATEWAY_DRAIN_MS': '60000' } },
    /components\.gateway\.terminationGracePeriodSeconds \(45\) must exceed .*\(75 s in all\)/,
  ],
  [
    'a dependency given two ways',
    { set: { 'dependencies.redis.url': 'redis://r:6379', 'dependencies.redis.inChart.enabled': true } },
    /dependencies\.redis: set one of url, existingSecret and inChart\.enabled/,
  ],
  [
    'an upstream that is not a component',
    { set: { 'components.generate.upstreams[0]': 'ranker' } },
    /components\.generate\.upstreams: ranker is not an enabled component/,
  ],
  [
    'an HPA whose minimum is above its maximum',
    {
      set: { 'components.router.autoscaling.enabled': true, 'components.router.autoscaling.minReplicas': 9 },
    },
    /components\.router\.autoscaling: minReplicas \(9\) is above maxReplicas \(6\)/,
  ],
  [
    'a JWT secret shorter than 256 bits',
    { setString: { 'auth.jwt.secret': 'short' } },
    /auth\.jwt\.secret: use at least 32 characters/,
  ],
  [
    'an existing auth Secret that holds no key source',
    { setString: { 'auth.existingSecret': 'mine', 'auth.existingSecretKeys.apiKeys': '' } },
    /auth\.required: .* the gateway would refuse to start/,
  ],
  ['an Ingress without a host', { set: { 'ingress.enabled': true } }, /ingress\.enabled needs at least one/],
  // values.schema.json: strict, so a typo is an error rather than a silently ignored setting.
  [
    'a misspelt setting',
    { set: { 'components.gateway.replica': 3 } },
    /components\.gateway: Additional property replica is not allowed/,
  ],
  [
    'a number where the environment needs a string',
    { set: { 'components.embed.env.EMBED_WORKERS': 4 } },
    /components\.embed\.env\.EMBED_WORKERS: Invalid type\. Expected: string/,
  ],
  [
    'a routing file key that leaves the mounted ConfigMap',
    {
      setString: { 'routing.existingConfigMap': 'acme-routing', 'routing.catalogKey': '../etc/catalog.json' },
    },
    /routing\.catalogKey: Does not match pattern/,
  ],
  [
    'a labelled-set key that leaves the mounted ConfigMap',
    {
      setString: {
        'rollout.labelledSet.existingConfigMap': 'acme-recall',
        'rollout.labelledSet.key': '../secrets/recall-set.json',
      },
    },
    /rollout\.labelledSet\.key: Does not match pattern/,
  ],
  [
    'a labelled-set ConfigMap without the key that holds the set',
    { setString: { 'rollout.labelledSet.existingConfigMap': 'acme-recall' } },
    /rollout\.labelledSet\.existingConfigMap acme-recall needs rollout\.labelledSet\.key/,
  ],
  [
    'a labelled-set key without its ConfigMap',
    { setString: { 'rollout.labelledSet.key': 'recall-set.json' } },
    /rollout\.labelledSet\.key recall-set\.json needs rollout\.labelledSet\.existingConfigMap/,
  ],
  ['a recall floor of 0', { set: { 'rollout.minRecall': 0 } }, /rollout\.minRecall: Must be greater than 0/],
  [
    'a recall floor above 1',
    { json: { 'rollout.minRecall': 1.5 } },
    /rollout\.minRecall: Must be less than or equal to 1/,
  ],
  [
    'a recall deadline that is not a whole number of milliseconds',
    { json: { 'rollout.recallTimeoutMs': 2.5 } },
    /rollout\.recallTimeoutMs: Invalid type\. Expected: integer/,
  ],
  [
    'an unknown dependency for a component',
    { set: { 'components.embed.uses[0]': 'postgres' } },
    /components\.embed\.uses\.0 must be one of/,
  ],
];

describe('helm template refuses', () => {
  it.each(CASES)('%s', (_case, values, message) => {
    expect(renderError(values)).toMatch(message);
  });
});
