{{/*
A component's workload: a Deployment, or a StatefulSet (a volume per replica, stable pod names)
for a component with state of its own. `.` is a component context (ragfleet.component).
*/}}
{{- define "ragfleet.workload" -}}
{{- $c := .c }}
{{- $stateful := eq $c.workload "StatefulSet" }}
apiVersion: apps/v1
kind: {{ $c.workload }}
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
spec:
  {{- if not (or $c.autoscaling.enabled (and .root.Values.keda.enabled (eq .root.Values.keda.component .name))) }}
  replicas: {{ $c.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "ragfleet.selectorLabels" . | nindent 6 }}
  {{- if $stateful }}
  serviceName: {{ .fullname }}-headless
  # Replicas are independent (each rebuilds from the store and the corpus stream): start them at once.
  podManagementPolicy: Parallel
  updateStrategy:
    type: RollingUpdate
  {{- else }}
  strategy:
    type: RollingUpdate
    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }
  {{- end }}
  template:
    {{- include "ragfleet.podTemplate" . | nindent 4 }}
  {{- if and $stateful $c.persistence.enabled }}
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Retain
    whenScaled: Retain
  volumeClaimTemplates:
    - metadata:
        name: data
        labels:
          {{- include "ragfleet.selectorLabels" . | nindent 10 }}
      spec:
        accessModes: {{ toJson $c.persistence.accessModes }}
        {{- with $c.persistence.storageClassName }}
        storageClassName: {{ . }}
        {{- end }}
        resources:
          requests:
            storage: {{ $c.persistence.size }}
  {{- end }}
{{- end -}}

{{- define "ragfleet.podTemplate" -}}
{{- $c := .c -}}
metadata:
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
    {{- with $c.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    # A changed setting rolls the pods (variables are read once, at start); a changed Secret needs
    # `kubectl rollout restart`, as files are read once too.
    checksum/config: {{ include "ragfleet.configMap" . | sha256sum }}
    {{- with $c.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ .fullname }}
  # No Kubernetes API calls: the token stays out of the pod.
  automountServiceAccountToken: false
  enableServiceLinks: false
  terminationGracePeriodSeconds: {{ $c.terminationGracePeriodSeconds }}
  {{- with $c.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  {{- with .root.Values.image.pullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  securityContext:
    {{- toYaml $c.podSecurityContext | nindent 4 }}
  {{- with $c.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $c.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $c.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  topologySpreadConstraints:
    {{- if $c.topologySpreadConstraints }}
    {{- toYaml $c.topologySpreadConstraints | nindent 4 }}
    {{- else }}
    {{- range list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
    - maxSkew: 1
      topologyKey: {{ . }}
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "ragfleet.selectorLabels" $ | nindent 10 }}
    {{- end }}
    {{- end }}
  containers:
    - name: {{ .name }}
      image: {{ include "ragfleet.image" . }}
      imagePullPolicy: {{ $c.image.pullPolicy | default .root.Values.image.pullPolicy }}
      {{- with $c.command }}
      command: {{ toJson . }}
      {{- end }}
      {{- with $c.args }}
      args: {{ toJson . }}
      {{- end }}
      ports:
        - name: {{ $c.protocol }}
          containerPort: {{ $c.port }}
          protocol: TCP
        - name: ops
          containerPort: {{ $c.opsPort }}
          protocol: TCP
      envFrom:
        - configMapRef:
            name: {{ .fullname }}
      {{- with include "ragfleet.secretEnv" . | trim }}
      env:
        {{- . | nindent 8 }}
      {{- end }}
      {{- with $c.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $c.securityContext | nindent 8 }}
      {{- include "ragfleet.probes" . | nindent 6 }}
      lifecycle:
        preStop:
          sleep:
            seconds: {{ $c.preStopSleepSeconds }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: service-key
          mountPath: /var/run/secrets/ragfleet/service-key
          readOnly: true
        {{- if $c.dataDir }}
        - name: data
          mountPath: {{ $c.dataDir }}
        {{- end }}
        {{- if include "ragfleet.mountsApiKeys" . }}
        - name: api-keys
          mountPath: /var/run/secrets/ragfleet/gateway
          readOnly: true
        {{- end }}
        {{- if include "ragfleet.mountsRouting" . }}
        # A directory, not subPath: only a directory mount sees the ConfigMap's updates.
        - name: routing
          mountPath: /etc/ragfleet/routing
          readOnly: true
        {{- end }}
        {{- if include "ragfleet.mountsLabelledSet" . }}
        # A directory, like routing's: kubelet keeps it current, so a restarted container reads the
        # edited set (a subPath mount keeps the file the pod started with).
        - name: labelled-set
          mountPath: /etc/ragfleet/labelled-set
          readOnly: true
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: {{ $c.tmpSizeLimit }}
    - name: service-key
      secret:
        secretName: {{ include "ragfleet.serviceKeySecret" .root }}
        defaultMode: 0440
        items:
          - { key: {{ include "ragfleet.serviceKeyKey" .root }}, path: service-key }
          {{- with .root.Values.serviceAuth.previousKeyKey }}
          - { key: {{ . }}, path: previous-key }
          {{- end }}
    {{- if and $c.dataDir (not (and (eq $c.workload "StatefulSet") $c.persistence.enabled)) }}
    - name: data
      emptyDir: {}
    {{- end }}
    {{- if include "ragfleet.mountsApiKeys" . }}
    - name: api-keys
      secret:
        secretName: {{ include "ragfleet.gatewayAuthSecret" .root }}
        defaultMode: 0440
        items:
          - { key: {{ include "ragfleet.apiKeysSecretKey" .root }}, path: api-keys.yaml }
    {{- end }}
    {{- if include "ragfleet.mountsRouting" . }}
    - name: routing
      configMap:
        name: {{ .root.Values.routing.existingConfigMap }}
    {{- end }}
    {{- if include "ragfleet.mountsLabelledSet" . }}
    - name: labelled-set
      configMap:
        name: {{ .root.Values.rollout.labelledSet.existingConfigMap }}
    {{- end }}
{{- end -}}

{{/*
Probes. gRPC services: kubelet's native gRPC probe on grpc.health.v1 (open without a token), which
turns NOT_SERVING first thing at shutdown. HTTP (the gateway): /readyz on its public port, which
also checks that every upstream connects. Liveness and start-up: /healthz on the ops port. A service opens
its ops port only once composed (retrieve has loaded its indexes), so the start-up probe allows
minutes before liveness takes over.
*/}}
{{- define "ragfleet.probes" -}}
{{- $p := .c.probes -}}
startupProbe:
  httpGet: { path: /healthz, port: ops }
  {{- toYaml $p.startup | nindent 2 }}
readinessProbe:
  {{- if eq .c.protocol "http" }}
  httpGet: { path: /readyz, port: http }
  {{- else }}
  grpc: { port: {{ .c.port }} }
  {{- end }}
  {{- toYaml $p.readiness | nindent 2 }}
livenessProbe:
  httpGet: { path: /healthz, port: ops }
  {{- toYaml $p.liveness | nindent 2 }}
{{- end -}}
