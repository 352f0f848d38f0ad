#!/usr/bin/env bash
# Fuzz mpilint for SECONDS (default 60) with atheris/libFuzzer: bash fuzz/run.sh SECONDS [LIBFUZZER_ARGS...]
# The corpus (FUZZ_CORPUS, default fuzz/corpus, not checked in) is seeded from examples/,
# tests/realistic/ and the rule examples; inputs that crash, hang or break an invariant are
# written to fuzz/crashes/. Exits non-zero on any such input, zero otherwise, and prints the
# number of executions. PYTHON picks the interpreter (default: python3 on PATH).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
python="${PYTHON:-python3}"
corpus="${FUZZ_CORPUS:-fuzz/corpus}"
mkdir -p "$corpus" fuzz/crashes
"$python" fuzz/seed.py "$corpus" || exit 2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$python" fuzz/fuzz_mpilint.py "$corpus" \
  -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len=16384 \
  -artifact_prefix=fuzz/crashes/ -print_final_stats=1 "$@" 2>&1 | tee "$log" | grep -v '^#[0-9]'
code="${PIPESTATUS[0]}"
grep '^#[0-9]' "$log" | tail -n 3
runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
[ -n "$runs" ] || runs="$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)"
echo "fuzz: ${runs:-0} executions in ${seconds}s, exit code $code"
if [ "$code" -ne 0 ]; then
  echo "fuzz: FAILED, see the input under fuzz/crashes/ (reproduce: $python fuzz/fuzz_mpilint.py FILE)" >&2
fi
exit "$code"
