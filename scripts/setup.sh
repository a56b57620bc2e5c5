#!/usr/bin/env bash
# Installs what actorgraph needs on Debian 12 (apt, as root or through sudo), builds it, then
#   scripts/setup.sh run   - runs the main job: actorgraph build on the sample corpus
#   scripts/setup.sh test  - runs the whole test suite (ctest)
#   scripts/setup.sh build - only installs and builds
# Idempotent: installed packages and an existing build folder are reused.
set -euo pipefail

mode="${1:-run}"
case "$mode" in run | test | build) ;; *)
  echo "usage: scripts/setup.sh [run|test|build]" >&2
  exit 2
  ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${ACTORGRAPH_BUILD_DIR:-$root/build}"

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev libicu-dev nlohmann-json3-dev libcxxopts-dev
  libgtest-dev googletest libbenchmark-dev
  graphviz fonts-noto-core libxml2-utils python3 python3-igraph
  clang
  libclang-rt-dev
  libxml2-dev
  libgraphviz-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "setup: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || echo "setup: apt-get update failed; trying the cached package lists" >&2
  if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    for p in "${missing[@]}"; do
      if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "$p" >/dev/null; then
        echo "setup: cannot install package '$p'" >&2
        exit 1
      fi
    done
  fi
fi

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)"

case "$mode" in
  run)
    cd "$root"
    "$build/actorgraph" build
    ;;
  test)
    cd "$build"
    ctest --output-on-failure -j"$(nproc)"
    ;;
  build) ;;
esac
