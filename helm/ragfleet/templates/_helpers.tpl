{{/*
Names, labels and the per-component context every named template receives.
*/}}

{{- define "ragfleet.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "ragfleet.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: ragfleet
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Labels of the release's objects that belong to no component (Secrets, the test pod). */}}
{{- define "ragfleet.chartLabels" -}}
{{ include "ragfleet.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one component; `.` is a component context. */}}
{{- define "ragfleet.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "ragfleet.labels" -}}
{{ include "ragfleet.commonLabels" .root }}
{{ include "ragfleet.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/*
A copy of `base` with `over` laid on it, maps merged key by key. Unlike sprig's merge, a false, 0
or "" in `over` wins: a component can turn off what `defaults:` turns on.
*/}}
{{- define "ragfleet.deepMerge" -}}
{{- $base := deepCopy .base -}}
{{- range $key, $value := .over -}}
{{- if and (kindIs "map" $value) (kindIs "map" (get $base $key)) -}}
{{- $_ := set $base $key (include "ragfleet.deepMerge" (dict "base" (get $base $key) "over" $value) | fromJson) -}}
{{- else -}}
{{- $_ := set $base $key $value -}}
{{- end -}}
{{- end -}}
{{- toJson $base -}}
{{- end -}}

{{/*
The context of component `name`: `root` (the chart's top context), `name`, `fullname` (its
objects' name) and `c`, its values laid over `defaults:`. Returned as JSON (include returns text).
*/}}
{{- define "ragfleet.componentValues" -}}
{{- $values := index .root.Values.components .name -}}
{{- include "ragfleet.deepMerge" (dict "base" .root.Values.defaults "over" $values) -}}
{{- end -}}

{{- define "ragfleet.component" -}}
{{- $c := include "ragfleet.componentValues" . | fromJson -}}
{{- $_ := set . "c" $c -}}
{{- $_ := set . "fullname" (printf "%s-%s" (include "ragfleet.fullname" .root) .name) -}}
{{- end -}}

{{/* Enabled component names, sorted, for the templates that loop over the fleet. */}}
{{- define "ragfleet.enabledNames" -}}
{{- $names := list -}}
{{- range $name, $values := .Values.components -}}
{{- if ne (toString (index $values "enabled")) "false" -}}
{{- $names = append $names $name -}}
{{- end -}}
{{- end -}}
{{- toJson (sortAlpha $names) -}}
{{- end -}}

{{- define "ragfleet.image" -}}
{{- $image := .c.image -}}
{{- $repository := $image.repository | default (printf "ragfleet-%s" .name) -}}
{{- $registry := .root.Values.image.registry -}}
{{- $tag := $image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/* The replica count the fleet runs at least: the HPA's or KEDA's minimum, else replicas. */}}
{{- define "ragfleet.minReplicas" -}}
{{- $keda := .root.Values.keda -}}
{{- if and $keda.enabled (eq $keda.component .name) -}}
{{- $keda.minReplicas -}}
{{- else if .c.autoscaling.enabled -}}
{{- .c.autoscaling.minReplicas -}}
{{- else -}}
{{- .c.replicas -}}
{{- end -}}
{{- end -}}

{{/* The most replicas a component may run. */}}
{{- define "ragfleet.maxReplicas" -}}
{{- $keda := .root.Values.keda -}}
{{- if and $keda.enabled (eq $keda.component .name) -}}
{{- $keda.maxReplicas -}}
{{- else if .c.autoscaling.enabled -}}
{{- .c.autoscaling.maxReplicas -}}
{{- else -}}
{{- .c.replicas -}}
{{- end -}}
{{- end -}}

{{/* Whether a dependency (redis, nats, mongodb) is configured one way or another. */}}
{{- define "ragfleet.hasDependency" -}}
{{- $dep := index .Values.dependencies .dependency -}}
{{- if or $dep.url $dep.existingSecret (dig "inChart" "enabled" false $dep) -}}true{{- end -}}
{{- end -}}

{{- define "ragfleet.serviceKeySecret" -}}
{{- .Values.serviceAuth.existingSecret | default (printf "%s-service-key" (include "ragfleet.fullname" .)) -}}
{{- end -}}

{{- define "ragfleet.serviceKeyKey" -}}
{{- ternary .Values.serviceAuth.existingSecretKey "service-key" (ne .Values.serviceAuth.existingSecret "") -}}
{{- end -}}

{{- define "ragfleet.gatewayAuthSecret" -}}
{{- .Values.auth.existingSecret | default (printf "%s-gateway-auth" (include "ragfleet.fullname" .)) -}}
{{- end -}}

{{/* The NATS stream and consumer names retrieve uses (packages/events/src/fleet-topology.ts). */}}
{{- define "ragfleet.natsTag" -}}
{{- with .Values.dependencies.nats.namespace -}}_{{ . }}{{- end -}}
{{- end -}}
