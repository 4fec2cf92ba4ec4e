import type { K8sObject } from './helm.ts';

/**
 * What the Prometheus Operator makes of a ServiceMonitor, for the parts the dashboards and alerts
 * depend on: which Services it selects, and the `job` their targets get. This follows the
 * relabelings the operator generates for a ServiceMonitor endpoint (pkg/prometheus/promcfg.go):
 * `job` is first the Service's name, then, with spec.jobLabel, the value of that label of the
 * Service when it is not empty; the endpoint's own relabelings run after those.
 */

type Labels = Record<string, string>;
interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

function matches(
  labels: Labels,
  selector: { matchLabels?: Labels; matchExpressions?: Requirement[] },
): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key] as string);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key] as string);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
    }
  });
  return byLabel && byExpression;
}

/** The Services of `objects` a ServiceMonitor scrapes (its own namespace: no namespaceSelector here). */
export function selectedServices(monitor: K8sObject, objects: K8sObject[]): K8sObject[] {
  if (monitor.spec.namespaceSelector) throw new Error('namespaceSelector is not modelled here');
  return objects.filter(
    (object) => object.kind === 'Service' && matches(object.metadata.labels ?? {}, monitor.spec.selector),
  );
}

/** The `job` label of the targets an endpoint of `monitor` gets from `service`. */
export function scrapeJob(monitor: K8sObject, endpoint: K8sObject['spec'], service: K8sObject): string {
  let job: string = service.metadata.name;
  const jobLabel: string | undefined = monitor.spec.jobLabel;
  const fromLabel = jobLabel ? service.metadata.labels?.[jobLabel] : undefined;
  if (fromLabel) job = fromLabel;
  for (const relabeling of endpoint.relabelings ?? []) {
    if (relabeling.targetLabel === 'job') {
      throw new Error('an endpoint relabeling sets job: model it here before relying on it');
    }
  }
  return job;
}
