#!/bin/sh
# Copies what one service runs into <dest> (run in the build stage, in the installed workspace):
# the root manifest, the pruned node_modules, the proto contracts, and the sources of the service
# and of the workspace packages it depends on, without their tests or benchmarks. The layout stays
# the workspace's, so node_modules/@ragfleet/* still point at real directories outside
# node_modules, where Node strips types (it refuses to under node_modules).
set -eu
service=$1
dest=$2
mkdir -p "$dest" "$dest-data"
cp -a package.json pnpm-workspace.yaml node_modules protos "$dest/"
pnpm ls --filter-prod "@ragfleet/$service..." --depth -1 --parseable | while read -r project; do
  relative=${project#"$PWD"/}
  mkdir -p "$dest/$(dirname "$relative")"
  cp -a "$project" "$dest/$relative"
done
for project in "$dest"/packages/* "$dest"/services/*; do
  [ -d "$project" ] || continue
  rm -rf "$project/test" "$project/bench"
  find "$project" -path "$project/node_modules" -prune -o -name '*.test.ts' -type f -exec rm -f {} +
done
# A compiled addon needs only its .node file at run time, not the compiler's objects.
find "$dest/node_modules/.pnpm" -path '*/build/Release/*' -type f ! -name '*.node' -delete
find "$dest/node_modules/.pnpm" -path '*/build/Release/obj.target' -type d -prune -exec rm -rf {} +
ln -s "services/$service" "$dest/service"
