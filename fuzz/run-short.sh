#!/usr/bin/env bash
# A short fuzzing run of every target (30 s each by default), for CI or a quick
# check before a push. Exits non-zero when any target finds a crash, a timeout or
# an out-of-memory (the reproducer is left in fuzz/artifacts/<target>/).
#
#   bash fuzz/run-short.sh                  # every target, 30 s each, stable toolchain
#   FUZZ_SECONDS=60 bash fuzz/run-short.sh  # longer
#   bash fuzz/run-short.sh load_catalog     # some targets only
#   FUZZ_SANITIZER=address RUSTC_BOOTSTRAP=1 bash fuzz/run-short.sh   # with ASan
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); installs it when missing.
# Runs from a scratch copy of each corpus, so the committed seeds stay as they are.

set -euo pipefail

cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-30}
sanitizer=${FUZZ_SANITIZER:-none}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "run-short: installing cargo-fuzz" >&2
    cargo install --locked cargo-fuzz
fi

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

cargo fuzz build -s "$sanitizer"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

failed=()
for t in "${targets[@]}"; do
    mkdir -p "$scratch/$t"
    log="$scratch/$t.log"
    echo "run-short: $t for ${seconds} s" >&2
    if cargo fuzz run -s "$sanitizer" "$t" "$scratch/$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        >"$log" 2>&1; then
        last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
        echo "run-short: $t ok: ${last}" >&2
    else
        failed+=("$t")
        echo "run-short: $t FAILED; the end of its log:" >&2
        tail -n 40 "$log" >&2
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "run-short: findings in: ${failed[*]} (reproducers under fuzz/artifacts/)" >&2
    exit 1
fi
echo "run-short: ${#targets[@]} targets, no crash, timeout or out-of-memory" >&2
