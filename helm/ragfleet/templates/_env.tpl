{{/*
What a component reads from its environment. The names are the services' own (each service's
src/config.ts, packages/config): settings go in the component's ConfigMap, secrets are referenced
from Secrets, never copied into a ConfigMap.
*/}}

{{- define "ragfleet.uses" -}}
{{- if has .dependency .c.uses -}}true{{- end -}}
{{- end -}}

{{/* Plain settings of one component, as a YAML map. */}}
{{- define "ragfleet.settings" -}}
{{- $c := .c -}}
{{- $root := .root -}}
{{- $settings := dict -}}
{{- $_ := set $settings $c.listenEnv.host "0.0.0.0" -}}
{{- $_ := set $settings $c.listenEnv.port (toString $c.port) -}}
{{- $_ := set $settings "METRICS_PORT" (toString $c.opsPort) -}}
{{- $_ := set $settings "SERVICE_AUTH_KEY_FILE" "/var/run/secrets/ragfleet/service-key/service-key" -}}
{{- if $root.Values.serviceAuth.previousKeyKey -}}
{{- $_ := set $settings "SERVICE_AUTH_PREVIOUS_KEY_FILE" "/var/run/secrets/ragfleet/service-key/previous-key" -}}
{{- end -}}
{{- with $c.dataDir -}}
{{- $_ := set $settings "DATA_DIR" . -}}
{{- end -}}
{{- $fleet := include "ragfleet.fullname" $root -}}
{{- range $c.upstreams -}}
{{- $upstream := index $root.Values.components . -}}
{{- $_ := set $settings (printf "%s_ADDR" (upper .)) (printf "%s-%s:%v" $fleet . $upstream.port) -}}
{{- end -}}
{{- if and (include "ragfleet.uses" (dict "c" $c "dependency" "nats")) $root.Values.dependencies.nats.namespace -}}
{{- $_ := set $settings "NATS_NAMESPACE" $root.Values.dependencies.nats.namespace -}}
{{- end -}}
{{- if and (include "ragfleet.uses" (dict "c" $c "dependency" "ollama")) $root.Values.providers.ollamaHost -}}
{{- $_ := set $settings "OLLAMA_HOST" $root.Values.providers.ollamaHost -}}
{{- end -}}
{{- with $root.Values.tracing.otlpEndpoint -}}
{{- $_ := set $settings "OTEL_EXPORTER_OTLP_ENDPOINT" . -}}
{{- end -}}
{{- with $c.minReplicasEnv -}}
{{- $_ := set $settings . (include "ragfleet.minReplicas" $ | toString) -}}
{{- end -}}
{{- if include "ragfleet.uses" (dict "c" $c "dependency" "auth") -}}
{{- $auth := $root.Values.auth -}}
{{- $_ := set $settings "GATEWAY_AUTH_REQUIRED" (toString $auth.required) -}}
{{- if include "ragfleet.mountsApiKeys" . -}}
{{- $_ := set $settings "GATEWAY_API_KEYS_FILE" "/var/run/secrets/ragfleet/gateway/api-keys.yaml" -}}
{{- end -}}
{{- with $auth.jwt.jwksUrl }}{{ $_ := set $settings "GATEWAY_JWT_JWKS_URL" . }}{{ end -}}
{{- with $auth.jwt.issuer }}{{ $_ := set $settings "GATEWAY_JWT_ISSUER" . }}{{ end -}}
{{- with $auth.jwt.audience }}{{ $_ := set $settings "GATEWAY_JWT_AUDIENCE" . }}{{ end -}}
{{- end -}}
{{- if include "ragfleet.mountsRouting" . -}}
{{- $routing := $root.Values.routing -}}
{{- range $variable, $key := dict "CATALOG_PATH" $routing.catalogKey "ROUTER_WEIGHTS_FILE" $routing.weightsKey "ROUTER_DOMAIN_TERMS_FILE" $routing.domainTermsKey -}}
{{- if $key -}}
{{- $_ := set $settings $variable (printf "/etc/ragfleet/routing/%s" $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if eq .name "generate" -}}
{{- include "ragfleet.generateChangeSettings" (dict "settings" $settings "Values" $root.Values) -}}
{{- end -}}
{{- range $name, $value := $c.env -}}
{{- $_ := set $settings $name (toString $value) -}}
{{- end -}}
{{- toYaml $settings -}}
{{- end -}}

{{/*
Generate's experiments:, rollout: and shadow: values under the service's own names
(services/generate/src/config.ts). Whole numbers go through int64: Helm reads YAML numbers as
floats, and a float as large as 604800 * 100 would print in exponent form.
*/}}
{{- define "ragfleet.generateChangeSettings" -}}
{{- $s := .settings -}}
{{- $e := .Values.experiments -}}
{{- $r := .Values.rollout -}}
{{- $sh := .Values.shadow -}}
{{- $_ := set $s "EXPERIMENTS_PREFIX" $e.storePrefix -}}
{{- $_ := set $s "EXPERIMENTS_CACHE_MS" (int64 $e.cacheMs | toString) -}}
{{- $_ := set $s "EXPERIMENTS_CONTROLLER_INTERVAL_MS" (int64 $e.controllerIntervalMs | toString) -}}
{{- $_ := set $s "EXPERIMENTS_ASSIGNMENT_TTL_SECONDS" (int64 $e.assignmentTtlSeconds | toString) -}}
{{- $_ := set $s "ROLLOUT_STAGES" (join "," $r.stages) -}}
{{- $_ := set $s "ROLLOUT_HOLD_SECONDS" (int64 $r.holdSeconds | toString) -}}
{{- $_ := set $s "ROLLOUT_HOLD_ANSWERS" (int64 $r.holdAnswers | toString) -}}
{{- $_ := set $s "ROLLOUT_MAX_ERROR_RATE" (toString $r.maxErrorRate) -}}
{{- $_ := set $s "ROLLOUT_MIN_QUALITY" (toString $r.minQuality) -}}
{{- $_ := set $s "ROLLOUT_MIN_RATED" (int64 $r.minRated | toString) -}}
{{- $_ := set $s "ROLLOUT_GUARD_MIN_ANSWERS" (int64 $r.guardMinAnswers | toString) -}}
{{- $_ := set $s "ROLLOUT_MIN_RECALL" (toString $r.minRecall) -}}
{{- $_ := set $s "ROLLOUT_RECALL_TIMEOUT_MS" (int64 $r.recallTimeoutMs | toString) -}}
{{- if $r.labelledSet.existingConfigMap -}}
{{- $_ := set $s "ROLLOUT_LABELLED_SET" (printf "/etc/ragfleet/labelled-set/%s" $r.labelledSet.key) -}}
{{- end -}}
{{- $_ := set $s "GENERATE_SHADOW_SHARE" (toString $sh.share) -}}
{{- $_ := set $s "GENERATE_SHADOW_MODEL" $sh.model -}}
{{- $_ := set $s "GENERATE_SHADOW_PROMPT_VERSION" $sh.promptVersion -}}
{{- $_ := set $s "GENERATE_SHADOW_BUDGET_USD" (toString $sh.budgetUsdPerDay) -}}
{{- $_ := set $s "GENERATE_SHADOW_MAX_CONCURRENT" (int64 $sh.maxConcurrent | toString) -}}
{{- $_ := set $s "GENERATE_SHADOW_KEEP_RECENT" (int64 $sh.keepRecent | toString) -}}
{{- $_ := set $s "GENERATE_SHADOW_PREFIX" $sh.storePrefix -}}
{{- end -}}

{{- define "ragfleet.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
data:
  {{- include "ragfleet.settings" . | nindent 2 }}
{{- end -}}

{{/* Where a dependency's URL is: a Secret name and key. */}}
{{- define "ragfleet.dependencyRef" -}}
{{- $dep := index .root.Values.dependencies .dependency -}}
{{- if $dep.existingSecret -}}
{{- toJson (dict "name" $dep.existingSecret "key" $dep.existingSecretKey) -}}
{{- else -}}
{{- toJson (dict "name" (printf "%s-dependencies" (include "ragfleet.fullname" .root)) "key" (printf "%s-url" .dependency)) -}}
{{- end -}}
{{- end -}}

{{- define "ragfleet.secretKeyRef" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/* The env entries that come from Secrets or the pod itself. */}}
{{- define "ragfleet.secretEnv" -}}
{{- $c := .c -}}
{{- $root := .root -}}
{{- range $dependency, $variable := dict "redis" "REDIS_URL" "nats" "NATS_URL" "mongodb" "MONGODB_URI" }}
{{- if and (has $dependency $c.uses) (include "ragfleet.hasDependency" (dict "Values" $root.Values "dependency" $dependency)) }}
{{- $ref := include "ragfleet.dependencyRef" (dict "root" $root "dependency" $dependency) | fromJson }}
{{ include "ragfleet.secretKeyRef" (dict "env" $variable "name" $ref.name "key" $ref.key) }}
{{- end }}
{{- end }}
{{- if and (has "anthropic" $c.uses) $root.Values.providers.existingSecret }}
{{ include "ragfleet.secretKeyRef" (dict "env" "ANTHROPIC_API_KEY" "name" $root.Values.providers.existingSecret "key" "ANTHROPIC_API_KEY" "optional" true) }}
{{- end }}
{{- if has "auth" $c.uses }}
{{- $secret := include "ragfleet.gatewayAuthSecret" $root }}
{{- $keys := include "ragfleet.gatewayAuthKeys" $root | fromJson }}
{{- with $keys.jwtSecret }}
{{ include "ragfleet.secretKeyRef" (dict "env" "GATEWAY_JWT_SECRET" "name" $secret "key" .) }}
{{- end }}
{{- with $keys.adminToken }}
{{ include "ragfleet.secretKeyRef" (dict "env" "GATEWAY_ADMIN_TOKEN" "name" $secret "key" .) }}
{{- end }}
{{- end }}
{{- range $c.podNameEnv }}
- name: {{ . }}
  valueFrom:
    fieldRef: { fieldPath: metadata.name }
{{- end }}
{{- with $c.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The keys of the gateway auth Secret that hold something (empty: not there). */}}
{{- define "ragfleet.gatewayAuthKeys" -}}
{{- $auth := .Values.auth -}}
{{- if $auth.existingSecret -}}
{{- toJson $auth.existingSecretKeys -}}
{{- else -}}
{{- toJson (dict "apiKeys" "api-keys.yaml" "jwtSecret" (ternary "jwt-secret" "" (ne $auth.jwt.secret "")) "adminToken" (ternary "admin-token" "" (ne $auth.adminToken ""))) -}}
{{- end -}}
{{- end -}}

{{- define "ragfleet.apiKeysSecretKey" -}}
{{- (include "ragfleet.gatewayAuthKeys" . | fromJson).apiKeys -}}
{{- end -}}

{{- define "ragfleet.mountsApiKeys" -}}
{{- if and (has "auth" .c.uses) (include "ragfleet.apiKeysSecretKey" .root) -}}true{{- end -}}
{{- end -}}

{{/* The router mounts routing.existingConfigMap (its catalog, weights, domain terms) when one is named. */}}
{{- define "ragfleet.mountsRouting" -}}
{{- if and (eq .name "router") .root.Values.routing.existingConfigMap -}}true{{- end -}}
{{- end -}}

{{/* Generate mounts rollout.labelledSet.existingConfigMap (the retrieval candidates' labelled set) when one is named. */}}
{{- define "ragfleet.mountsLabelledSet" -}}
{{- if and (eq .name "generate") .root.Values.rollout.labelledSet.existingConfigMap -}}true{{- end -}}
{{- end -}}
