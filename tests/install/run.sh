#!/usr/bin/env bash
# Installs the built tree into a temporary prefix, builds tests/install against it with
# find_package(actorgraph) and runs it on the installed sample corpus.
set -euo pipefail
build=$1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$here" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build" >/dev/null
out=$("$work/build/consumer" "$work/prefix/share/actorgraph/gazetteer" \
  "$work/prefix/share/actorgraph/examples")
echo "$out"
[[ $out == *" actors, "*" edges, v"* ]]
