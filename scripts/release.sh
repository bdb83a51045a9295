#!/usr/bin/env bash
# Builds static release binaries (CGO_ENABLED=0) for the servers bangyang
# runs on, with SHA-256 sums:
#
#   scripts/release.sh [OUTDIR]        default OUTDIR: dist
#
# → dist/bangyang-linux-amd64, -linux-arm64, -linux-loong64, SHA256SUMS
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
out=${1:-dist}
mkdir -p "$out"
targets=${TARGETS:-"linux/amd64 linux/arm64 linux/loong64"}
for t in $targets; do
	os=${t%/*} arch=${t#*/}
	bin="$out/bangyang-$os-$arch"
	echo "building $bin"
	CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -ldflags="-s -w" -o "$bin" ./cmd/bangyang
done
(cd "$out" && sha256sum bangyang-* > SHA256SUMS)
echo "done: $(ls "$out" | tr '\n' ' ')"
