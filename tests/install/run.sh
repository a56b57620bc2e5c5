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

# The installed tool finds its own data wherever the prefix is moved: a copy of the prefix with a
# one-file gazetteer must load that gazetteer (not the source tree's), from any working folder.
cp -a "$work/prefix" "$work/moved"
find "$work/moved/share/actorgraph/gazetteer" -name '*.json' ! -name states.json -delete
cd "$work"
check=$("$work/moved/bin/actorgraph" gazetteer check)
echo "$check"
[[ $(tail -n 1 <<<"$check") == "1 file, "* ]]
"$work/moved/bin/actorgraph" build -q -o "$work/out"
[ -s "$work/out/actors.graphml" ]
