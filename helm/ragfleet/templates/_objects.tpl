{{/*
The other objects of one component. `.` is a component context (ragfleet.component).
*/}}

{{- define "ragfleet.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
    {{- /* The scrape job's name (the ServiceMonitor's jobLabel): see ragfleet.serviceMonitor. */}}
    {{ include "ragfleet.jobLabel" . }}: {{ include "ragfleet.jobName" . }}
  {{- with .c.serviceAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: ClusterIP
  selector:
    {{- include "ragfleet.selectorLabels" . | nindent 4 }}
  ports:
    - name: {{ .c.protocol }}
      port: {{ .c.port }}
      targetPort: {{ .c.protocol }}
      {{- if eq .c.protocol "grpc" }}
      appProtocol: grpc
      {{- end }}
    - name: ops
      port: {{ .c.opsPort }}
      targetPort: ops
{{- if eq .c.workload "StatefulSet" }}
---
# Gives each replica a stable DNS name (<pod>.<service>); callers use the Service above.
apiVersion: v1
kind: Service
metadata:
  name: {{ .fullname }}-headless
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
    ragfleet.io/headless: 'true'
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector:
    {{- include "ragfleet.selectorLabels" . | nindent 4 }}
  ports:
    - name: {{ .c.protocol }}
      port: {{ .c.port }}
      targetPort: {{ .c.protocol }}
{{- end }}
{{- end -}}

{{- define "ragfleet.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end -}}

{{- define "ragfleet.hpa" -}}
{{- $a := .c.autoscaling -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: {{ .c.workload }}
    name: {{ .fullname }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    {{- if $a.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: {{ $a.targetCPUUtilizationPercentage }} }
    {{- end }}
    {{- if $a.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target: { type: Utilization, averageUtilization: {{ $a.targetMemoryUtilizationPercentage }} }
    {{- end }}
  behavior:
    {{- toYaml $a.behavior | nindent 4 }}
{{- end -}}

{{- define "ragfleet.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .c.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "ragfleet.selectorLabels" . | nindent 6 }}
{{- end -}}

{{/*
The Prometheus Operator names a ServiceMonitor's job after the Service (rf-ragfleet-gateway), or,
with jobLabel, after the value of that label of the Service: ragfleet-<component>, as the local
scrape config names them and RagfleetServiceDown (up{job=~"ragfleet-.*"}) matches them.
*/}}
{{- define "ragfleet.jobLabel" -}}ragfleet.io/job{{- end -}}
{{- define "ragfleet.jobName" -}}ragfleet-{{ .name }}{{- end -}}

{{- define "ragfleet.serviceMonitor" -}}
{{- $sm := .root.Values.metrics.serviceMonitor -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ .fullname }}
  labels:
    {{- include "ragfleet.labels" . | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  jobLabel: {{ include "ragfleet.jobLabel" . }}
  selector:
    matchLabels:
      {{- include "ragfleet.selectorLabels" . | nindent 6 }}
    # Not the headless Service of a StatefulSet: the same pods would be scraped twice.
    matchExpressions:
      - { key: ragfleet.io/headless, operator: DoesNotExist }
  endpoints:
    - port: ops
      path: /metrics
      interval: {{ $sm.interval }}
      # Every metric carries the service's own `service` label (gateway, embed, ...), which the
      # dashboards and alerts group by; without this, the operator's `service` target label (the
      # Service's name) would win and rename ours to exported_service.
      honorLabels: true
{{- end -}}
