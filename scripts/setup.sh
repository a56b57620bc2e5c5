#!/usr/bin/env bash
# Installs what actorgraph needs on Debian 12 (apt, as root or through sudo), builds it, then
#   scripts/setup.sh run   - runs the main job: actorgraph build on the sample corpus
#   scripts/setup.sh test  - runs the whole test suite (ctest)
#   scripts/setup.sh build - only installs and builds
# and installs the tool with its gazetteer and sample corpus into a prefix: /usr/local as root, else
# ~/.local (ACTORGRAPH_PREFIX overrides), so `actorgraph` is on PATH as the README writes it.
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
  python3-networkx
  libcsv-dev
  libsimdjson-dev
  libssl-dev
  chromium
  node-d3
  python3-distributed
  libigraph-dev
  clang
  libclang-rt-dev
  libxml2-dev
  libgraphviz-dev
  libabsl-dev
  libgoogle-perftools-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The interop tests read GEXF and GraphML with graphology (Gephi Lite's readers) under Node.js.
# A Node.js from elsewhere (with its own npm) is used as it is; otherwise Debian's.
if [ "$mode" = test ]; then
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi

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

if [ -n "${ACTORGRAPH_PREFIX:-}" ]; then
  prefix="$ACTORGRAPH_PREFIX"
elif [ "$(id -u)" -eq 0 ]; then
  prefix=/usr/local
else
  prefix="$HOME/.local"
fi

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
if [ "$mode" = test ]; then
  cmake --build "$build" -j"$(nproc)"
else  # run and build need the tool only, not the test suite
  cmake --build "$build" -j"$(nproc)" --target actorgraph_cli
fi
cmake --install "$build" >/dev/null
echo "setup: installed $prefix/bin/actorgraph (data in $prefix/share/actorgraph)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "setup: $prefix/bin is not on your PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac

if [ "$mode" = test ] && [ ! -d "$root/tests/js/node_modules/graphology" ]; then
  echo "setup: installing graphology's GEXF and GraphML readers into tests/js/node_modules (npm)"
  (cd "$root/tests/js" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || {
    echo "setup: npm could not install tests/js/package-lock.json" >&2
    exit 1
  }
fi

case "$mode" in
  run)
    cd "$root"
    "$prefix/bin/actorgraph" build
    ;;
  test)
    cd "$build"
    ctest --output-on-failure -j"$(nproc)"
    ;;
  build) ;;
esac
