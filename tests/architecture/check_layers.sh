#!/usr/bin/env bash
# core/'s folders are layers: a file may include headers of its own folder and
# of lower layers only (docs/architecture.md draws them). Exits 1 listing every
# upward include, and also every entry of the known-exceptions list below that
# no longer happens (so the list only shrinks). core/ never includes Qt; ui/
# and app/ sit above all of core.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
cd "$root"

# Lower numbers are lower layers; folders of one number must not include each
# other either (they are independent).
declare -A rank=(
  [util]=0
  [model]=1 [diff]=1
  [task]=2 [sandbox]=2 [llm]=2 [profile]=2 [torchref]=2
  [search]=3 [toolchain]=3 [runner]=3
  [eval]=4
  [store]=5
  [session]=6
  [agent]=7
  [export]=8
)

# Upward includes that exist today and are to be removed, as "FILE HEADER"
# (empty since the session's record and config moved to model/; keep it for
# the day a move has to happen in steps: the check fails on a stale entry).
known=()

status=0
seen=()
while IFS= read -r file; do
  layer=${file#core/}; layer=${layer%%/*}
  [[ -n "${rank[$layer]+x}" ]] || { echo "check_layers: core/$layer has no layer: add it to the table in $0"; status=1; continue; }
  while IFS= read -r line; do
    num=${line%%:*}
    header=$(sed -E 's/^[0-9]+:#include "([^"]+)".*/\1/' <<<"$line")
    dir=${header%%/*}
    [[ "$header" == */* && -n "${rank[$dir]+x}" && "$dir" != "$layer" ]] || continue
    if (( rank[$dir] >= rank[$layer] )); then
      entry="$file $header"
      if printf '%s\n' "${known[@]}" | grep -qxF "$entry"; then
        seen+=("$entry")
      else
        echo "$file:$num: includes $header: core/$dir is not below core/$layer"
        status=1
      fi
    fi
  done < <(grep -nE '^#include "[a-z_]+/' "$file" || true)
  if grep -nE '^#include <Q[A-Za-z]+' "$file" >/dev/null; then
    echo "$file: includes Qt; core/ has no Qt"
    status=1
  fi
done < <(find core -name '*.h' -o -name '*.cpp' | sort)

for entry in "${known[@]}"; do
  if ! printf '%s\n' "${seen[@]:-}" | grep -qxF "$entry"; then
    echo "check_layers: '$entry' no longer happens: remove it from the known list in $0"
    status=1
  fi
done
[[ $status -eq 0 ]] && echo "check_layers: every include in core/ points down a layer (${#known[@]} known exceptions)"
exit $status
