{{/*
Values that contradict each other stop the render with one message naming the values, instead of
pods that crash-loop (or, worse, run and quietly disagree) after `helm install`.
*/}}
{{- define "ragfleet.validate" -}}
{{- $v := .Values -}}
{{- $has := dict -}}
{{- range $dependency := list "redis" "nats" "mongodb" -}}
{{- $dep := index $v.dependencies $dependency -}}
{{- $_ := set $has $dependency (include "ragfleet.hasDependency" (dict "Values" $v "dependency" $dependency) | eq "true") -}}
{{- $ways := 0 -}}
{{- if $dep.url }}{{ $ways = add1 $ways }}{{ end -}}
{{- if $dep.existingSecret }}{{ $ways = add1 $ways }}{{ end -}}
{{- if dig "inChart" "enabled" false $dep }}{{ $ways = add1 $ways }}{{ end -}}
{{- if gt $ways 1 -}}
{{- fail (printf "dependencies.%s: set one of url, existingSecret and inChart.enabled, not several" $dependency) -}}
{{- end -}}
{{- end -}}

{{- range $name := include "ragfleet.enabledNames" . | fromJsonArray -}}
{{- $ctx := dict "root" $ "name" $name -}}
{{- include "ragfleet.component" $ctx -}}
{{- $c := $ctx.c -}}
{{- $where := printf "components.%s" $name -}}
{{- if not (and $c.port $c.opsPort) -}}
{{- fail (printf "%s: port and opsPort are required" $where) -}}
{{- end -}}
{{- range $c.upstreams -}}
{{- $upstream := index $v.components . -}}
{{- if or (not $upstream) (eq (toString $upstream.enabled) "false") -}}
{{- fail (printf "%s.upstreams: %s is not an enabled component" $where .) -}}
{{- end -}}
{{- end -}}
{{- $keda := and $v.keda.enabled (eq $v.keda.component $name) -}}
{{- if and $keda $c.autoscaling.enabled -}}
{{- fail (printf "%s.autoscaling.enabled and keda.enabled both scale %s: two autoscalers on one workload fight; turn one off" $where $name) -}}
{{- end -}}
{{- if and $c.autoscaling.enabled (gt (int $c.autoscaling.minReplicas) (int $c.autoscaling.maxReplicas)) -}}
{{- fail (printf "%s.autoscaling: minReplicas (%v) is above maxReplicas (%v)" $where $c.autoscaling.minReplicas $c.autoscaling.maxReplicas) -}}
{{- end -}}
{{- if and $keda (gt (int $v.keda.minReplicas) (int $v.keda.maxReplicas)) -}}
{{- fail (printf "keda: minReplicas (%v) is above maxReplicas (%v)" $v.keda.minReplicas $v.keda.maxReplicas) -}}
{{- end -}}
{{- $max := include "ragfleet.maxReplicas" $ctx | int -}}
{{- $grace := int $c.terminationGracePeriodSeconds -}}
{{- /* How long the process may take to stop (packages/lifecycle): the gateway drain + 10 s to close
(GATEWAY_DRAIN_MS, 15000 unless set), a gRPC service 30 s. The kubelet must not kill it first. */}}
{{- $bound := 30 -}}
{{- if eq $c.protocol "http" -}}
{{- $drainMs := int (index $c.env "GATEWAY_DRAIN_MS" | default 15000) -}}
{{- $bound = add (div (add $drainMs 999) 1000) 10 -}}
{{- end -}}
{{- $needed := add (int $c.preStopSleepSeconds) $bound -}}
{{- if le $grace $needed -}}
{{- fail (printf "%s.terminationGracePeriodSeconds (%d) must exceed preStopSleepSeconds + the time the process may take to stop (%d s in all): otherwise a scale-down kills the streams it was draining" $where $grace $needed) -}}
{{- end -}}

{{- /* retrieve: each replica's embedded store (files under DATA_DIR) and queue are its own. */}}
{{- if and (eq $name "retrieve") (gt $max 1) -}}
{{- if not $has.mongodb -}}
{{- fail (printf "%s: %d replicas (replicas, autoscaling or keda) need dependencies.mongodb: without it each replica keeps its own store under DATA_DIR and answers from a different corpus" $where $max) -}}
{{- end -}}
{{- if not $has.nats -}}
{{- fail (printf "%s: %d replicas need dependencies.nats: replicas sharing a MongoDB take ingest jobs and corpus changes from JetStream" $where $max) -}}
{{- end -}}
{{- end -}}
{{- /* session: without Redis each replica keeps its sessions in its own memory (services/session). */}}
{{- if and (eq $name "session") (gt $max 1) (not $has.redis) -}}
{{- fail (printf "%s: %d replicas (replicas or autoscaling) need dependencies.redis: without it each replica keeps its own sessions in memory, and a follow-up turn or a resume on another replica finds no session" $where $max) -}}
{{- end -}}
{{- /* router: the embedded ledger (DATA_DIR) and budgets without Redis (memory) are one replica's own. */}}
{{- if and (eq $name "router") (gt $max 1) -}}
{{- if not $has.mongodb -}}
{{- fail (printf "%s: %d replicas (replicas or autoscaling) need dependencies.mongodb: without it each replica writes its own ledger under DATA_DIR, takes its share of the generation.completed events, and GET /v1/usage answers from one share" $where $max) -}}
{{- end -}}
{{- if not $has.redis -}}
{{- fail (printf "%s: %d replicas (replicas or autoscaling) need dependencies.redis: without it each replica keeps its own budgets in memory, and a tenant may spend its budget once per replica" $where $max) -}}
{{- end -}}
{{- end -}}
{{- /* feedback: the embedded store (DATA_DIR/feedback) is one process's own. */}}
{{- if and (eq $name "feedback") (gt $max 1) (not $has.mongodb) -}}
{{- fail (printf "%s: %d replicas (replicas or autoscaling) need dependencies.mongodb: without it each replica keeps its own subjects, recommendations and weights under DATA_DIR and measures its own schedule, so a lifecycle call on another replica finds nothing" $where $max) -}}
{{- end -}}
{{- /* generate: without Redis the experiment store is one process's file (DATA_DIR/generate/experiments.json). */}}
{{- if and (eq $name "generate") (gt $max 1) (not $has.redis) -}}
{{- fail (printf "%s: %d replicas (replicas or autoscaling) need dependencies.redis: without it each replica keeps its own experiments and rollouts in a file under DATA_DIR, so an experiment created on one replica is unknown to the others and each counts its own share of the answers" $where $max) -}}
{{- end -}}
{{- /* generate's rollout stages (services/generate/src/config.ts ROLLOUT_STAGES), which it refuses at start otherwise. */}}
{{- if eq $name "generate" -}}
{{- $previous := 0.0 -}}
{{- range $v.rollout.stages -}}
{{- if le (float64 .) $previous -}}
{{- fail (printf "rollout.stages %v: the shares must grow (each above the one before) and end with 1, or generate refuses to start" $v.rollout.stages) -}}
{{- end -}}
{{- $previous = float64 . -}}
{{- end -}}
{{- if ne $previous 1.0 -}}
{{- fail (printf "rollout.stages %v: the last stage must be 1 (the whole traffic), or generate refuses to start" $v.rollout.stages) -}}
{{- end -}}
{{- /* The labelled set is a key of a ConfigMap: one without the other names no file. */}}
{{- $set := $v.rollout.labelledSet -}}
{{- if and $set.existingConfigMap (not $set.key) -}}
{{- fail (printf "rollout.labelledSet.existingConfigMap %s needs rollout.labelledSet.key: the ConfigMap's key holding the labelled set's JSON" $set.existingConfigMap) -}}
{{- end -}}
{{- if and $set.key (not $set.existingConfigMap) -}}
{{- fail (printf "rollout.labelledSet.key %s needs rollout.labelledSet.existingConfigMap: the ConfigMap that holds it" $set.key) -}}
{{- end -}}
{{- end -}}
{{- /* The summary window's own start-up check (services/session/src/config.ts), at render time. */}}
{{- if eq $name "session" -}}
{{- $batch := int (index $c.env "SESSION_SUMMARY_BATCH_MESSAGES" | default 15) -}}
{{- $trigger := int (index $c.env "SESSION_SUMMARY_TRIGGER_MESSAGES" | default 45) -}}
{{- $window := int (index $c.env "SESSION_WINDOW_MESSAGES" | default 50) -}}
{{- if not (and (lt $batch $trigger) (le $trigger $window)) -}}
{{- fail (printf "%s.env: SESSION_SUMMARY_BATCH_MESSAGES (%d) < SESSION_SUMMARY_TRIGGER_MESSAGES (%d) <= SESSION_WINDOW_MESSAGES (%d) must hold, or session refuses to start" $where $batch $trigger $window) -}}
{{- end -}}
{{- end -}}
{{- if eq $name "retrieve" -}}
{{- $shared := index $c.env "LANCEDB_SHARED" | default "false" | toString -}}
{{- if has $shared (list "true" "1" "yes") -}}
{{- if ne (index $c.env "INDEX_BACKEND" | default "hnsw") "lancedb" -}}
{{- fail (printf "%s.env.LANCEDB_SHARED applies to INDEX_BACKEND=lancedb only" $where) -}}
{{- end -}}
{{- if not (and (index $c.env "LANCEDB_URI") $has.mongodb) -}}
{{- fail (printf "%s.env.LANCEDB_SHARED needs env.LANCEDB_URI (the shared dataset) and dependencies.mongodb (the shared store)" $where) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if has "auth" $c.uses -}}
{{- include "ragfleet.validateAuth" $ -}}
{{- end -}}
{{- end -}}

{{- if $v.keda.enabled -}}
{{- $target := index $v.components $v.keda.component -}}
{{- if or (not $target) (eq (toString $target.enabled) "false") -}}
{{- fail (printf "keda.component: %s is not an enabled component" $v.keda.component) -}}
{{- end -}}
{{- if not $has.nats -}}
{{- fail "keda.enabled scales on the JetStream ingest backlog: it needs dependencies.nats" -}}
{{- end -}}
{{- if not (or $v.dependencies.nats.monitoringEndpoint $v.dependencies.nats.inChart.enabled) -}}
{{- fail "keda.enabled needs dependencies.nats.monitoringEndpoint (host:port of the NATS monitoring port, e.g. nats.nats.svc:8222)" -}}
{{- end -}}
{{- end -}}
{{- if and $v.ingress.enabled (not $v.ingress.hosts) -}}
{{- fail "ingress.enabled needs at least one ingress.hosts entry" -}}
{{- end -}}
{{- end -}}

{{/* The gateway's own start-up checks (services/gateway/src/auth/config-fields.ts), at render time. */}}
{{- define "ragfleet.validateAuth" -}}
{{- $auth := .Values.auth -}}
{{- if and $auth.jwt.secret $auth.jwt.jwksUrl -}}
{{- fail "auth.jwt: set secret or jwksUrl, not both" -}}
{{- end -}}
{{- if and $auth.jwt.secret (lt (len $auth.jwt.secret) 32) -}}
{{- fail "auth.jwt.secret: use at least 32 characters (HS256 wants 256 bits)" -}}
{{- end -}}
{{- if and $auth.adminToken (lt (len $auth.adminToken) 16) -}}
{{- fail "auth.adminToken: use at least 16 characters" -}}
{{- end -}}
{{- if $auth.existingSecret -}}
{{- if or $auth.apiKeys $auth.jwt.secret $auth.adminToken -}}
{{- fail "auth.existingSecret replaces auth.apiKeys, auth.jwt.secret and auth.adminToken: set them in that Secret" -}}
{{- end -}}
{{- $keys := $auth.existingSecretKeys -}}
{{- if and $auth.required (not (or $keys.apiKeys $keys.jwtSecret $keys.adminToken $auth.jwt.jwksUrl)) -}}
{{- fail "auth.required: auth.existingSecretKeys names no key source (apiKeys, jwtSecret, adminToken) and auth.jwt.jwksUrl is empty: the gateway would refuse to start" -}}
{{- end -}}
{{- end -}}
{{- end -}}
