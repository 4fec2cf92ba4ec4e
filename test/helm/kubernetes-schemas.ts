import * as keda from '@kubernetes-models/keda';
import * as prometheusOperator from '@kubernetes-models/prometheus-operator';
import * as core from 'kubernetes-models';
import type { K8sObject } from './helm.ts';

/**
 * Validates a rendered object against the Kubernetes OpenAPI schema of its apiVersion and kind
 * (kubernetes-models), or the CRD's schema for KEDA and the Prometheus Operator. The packages name
 * an API group by its camel-cased name: networking.k8s.io is `networkingK8sIo`, the core group `v1`.
 */

interface Model {
  validate(): void;
}
type ModelClass = new (data: object) => Model;
type Group = Record<string, Record<string, unknown>>;

const GROUPS: Record<string, unknown>[] = [core, keda, prometheusOperator];

function groupKey(group: string): string {
  return group
    .split(/[.-]/)
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

function modelOf(apiVersion: string, kind: string): ModelClass | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  for (const exports of GROUPS) {
    const versions = (group === '' ? exports : exports[groupKey(group)]) as Group | undefined;
    const model = versions?.[version]?.[kind];
    if (typeof model === 'function') return model as ModelClass;
  }
  return undefined;
}

/** Throws, naming the object, when its kind has no schema here or the object breaks it. */
export function validateObject(object: K8sObject): void {
  const label = `${object.kind} ${object.metadata?.name} (${object.apiVersion})`;
  const Model = modelOf(object.apiVersion, object.kind);
  if (!Model) throw new Error(`${label}: no schema known for this kind`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${label}: ${(error as Error).message}`, { cause: error });
  }
}
