#!/usr/bin/env bash
# Results are read through the model's codecs only (core/model/): no other
# file reads a field of a result by its JSON key. The keys are the ones the
# model's codecs write; a read is `.value("key"`, `.at("key"`, `["key"]`,
# `.contains("key"` or `.find("key"`. Exits 1 and lists the reads it finds.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
cd "$root"

# Every key a model codec writes or reads.
mapfile -t keys < <(grep -ohE '"[a-z][a-z0-9_]+"' core/model/*.cpp | tr -d '"' | sort -u)
# Keys that also name fields of inputs the model does not own (task files,
# the runner protocol's requests, LLM wire formats, settings; "workload" is a
# FlashInfer-Bench workload trace's field, "native" a task definition's,
# "stop_reason" Anthropic's answer's): reading those is not reading a result.
shared='^(name|message|status|backend|config|id|uuid|inputs|outputs|axes|file|line|column|model|provider|mode|note|error|seconds|text|kind|type|value|version|format|tool|ok|result|facts|workloads|task|device|source|count|timing|float32|bfloat16|attempts|workload|native|stop_reason)$'
pattern=""
for k in "${keys[@]}"; do
  [[ "$k" =~ $shared ]] && continue
  pattern+="${pattern:+|}$k"
done
# Files that may read them: the codecs. core/model/ holds the results'
# codecs (the session's record and configuration among them); protocol.cpp
# the runner wire's, torch_child.cpp the PyTorch child's, all built on the
# model's; export/torch_python.cpp holds the Python an export writes, not C++
# reads. A write (`j["key"] = ...`) is
# not a read.
hits=$(grep -rnP "(\.value|\.at|\.contains|\.find)\(\"($pattern)\"|\[\"($pattern)\"\](?!\s*=[^=])" \
         --include=*.cpp --include=*.h core ui app bench |
       grep -vE "^(core/model/|core/runner/protocol\.cpp|core/torchref/torch_child\.cpp|core/export/torch_python\.cpp)" || true)
if [ -n "$hits" ]; then
  echo "result fields read by JSON key outside core/model (use the typed model instead):"
  echo "$hits"
  exit 1
fi
echo "check_result_keys: no result is read by key outside core/model (${#keys[@]} keys checked)"
