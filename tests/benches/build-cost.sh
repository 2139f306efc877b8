#!/usr/bin/env bash
# Build cost of `error_catalog::catalog!` over a generated 1,000-code catalog, against
# the same enum written by hand with thiserror's `#[error]` plus serde's
# `Serialize`/`Deserialize` derives, and with thiserror alone.
#
# Target: the whole derive over 1,000 codes (Display, Error, ApiError, Serialize,
# Deserialize, from_response, ...) rebuilds no slower than the same enum with
# thiserror + serde's derives, with incremental compilation on and off.
#
# Usage (from any directory):
#   tests/benches/build-cost.sh                 # RUNS=5 timed rebuilds per crate and mode
#   RUNS=3 tests/benches/build-cost.sh
#   CODES=200 RUNS=1 tests/benches/build-cost.sh   # quick smoke run
#
# What it does:
#   1. Generates three independent crates (each its own `[workspace]`) under
#      `${CARGO_TARGET_DIR:-<repo>/target}/build-cost/`, sharing one target dir,
#      `<that dir>/target`:
#        ours             `error_catalog::catalog!("errors.toml");` over a generated
#                         `flat`-preset catalog of $CODES errors, each with a code,
#                         a status, a two-placeholder message and two typed detail
#                         fields (`agentId = "string"`, `limit = "u32"`).
#        thiserror_serde  the same enum (same variant names; fields `agent_id`,
#                         `limit` and the `flat` envelope's `timestamp: Option<u64>`)
#                         with `#[derive(Debug, thiserror::Error, serde::Serialize,
#                         serde::Deserialize)]` and `#[error("...")]` messages.
#        thiserror_only   the same with `#[derive(Debug, thiserror::Error)]`.
#      Each crate's Cargo.lock is seeded from the repo's Cargo.lock, so serde,
#      syn, quote, ... resolve to the versions the main workspace uses.
#      (`ours` also carries what `catalog!` always adds: the `extra` field, the
#      fallback variant, and `Clone`/`PartialEq` derives; the baselines do not.)
#        ours_derive      the derive itself: the baselines' enum (same variants and
#                         fields, `#[derive(Debug, error_catalog::ApiError)]`) bound to
#                         the same errors.toml, plus the fallback variant the derive
#                         requires; no `extra` field, no Clone/PartialEq.
#        ours_borrowed    `ours` with `#[api_error(borrowed)]`: the borrowed view
#                         `BenchErrorRef<'b>` and its impls besides (not a target:
#                         what the opt-in view costs).
#   2. Builds every crate once (dependencies), then for CARGO_INCREMENTAL=1 and
#      CARGO_INCREMENTAL=0: one untimed warm-up build per crate (switching the mode
#      changes path dependencies' fingerprints), then RUNS rounds; in each round
#      every crate's src/lib.rs (and errors.toml for `ours`) is touched and
#      `cargo build` (dev profile) is timed. The crate order rotates from round to
#      round so that load drift on a busy machine hits every crate alike.
#      A timed build that also recompiled anything besides the crate (the repo's
#      sources changed meanwhile) is discarded and repeated (MAX_RETRIES, default 3).
#   3. Prints every run, median/min/max per crate and mode, the ratios
#      ours/thiserror_serde and ours/thiserror_only, and a Markdown summary.
#
# Needs only cargo, bash, coreutils (sort, paste, ...), awk and `date +%s%N` (or bash 5's EPOCHREALTIME).
# Exits non-zero when any build fails (the build log is printed).

set -euo pipefail

RUNS=${RUNS:-5}
CODES=${CODES:-1000}
case $RUNS in '' | *[!0-9]* | 0) echo "build-cost: RUNS must be a positive integer (got '$RUNS')" >&2; exit 2 ;; esac
case $CODES in '' | *[!0-9]* | 0) echo "build-cost: CODES must be a positive integer (got '$CODES')" >&2; exit 2 ;; esac

die() { echo "build-cost: $*" >&2; exit 1; }

command -v cargo >/dev/null || die "cargo not found on PATH"

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd -- "$SCRIPT_DIR/../.." && pwd)
[[ -f $REPO/runtime/error-catalog/Cargo.toml ]] || die "cannot find the error-catalog runtime at $REPO/runtime/error-catalog"

BASE_TARGET=${CARGO_TARGET_DIR:-$REPO/target}
[[ $BASE_TARGET = /* ]] || BASE_TARGET=$PWD/$BASE_TARGET
BENCH=$BASE_TARGET/build-cost
mkdir -p "$BENCH"
BENCH=$(cd -- "$BENCH" && pwd)
export CARGO_TARGET_DIR=$BENCH/target
# A compiler cache would turn rebuilds into cache hits.
export RUSTC_WRAPPER= CARGO_BUILD_RUSTC_WRAPPER=
export CARGO_TERM_COLOR=never

CRATES=(ours ours_derive ours_borrowed thiserror_serde thiserror_only)

# ---------------------------------------------------------------------------
# clock: milliseconds since the epoch

if [[ -n ${EPOCHREALTIME:-} ]]; then
    now_ms() {
        local t=${EPOCHREALTIME/[.,]/}  # microseconds
        echo $((10#$t / 1000))
    }
elif [[ $(date +%N) =~ ^[0-9]+$ ]]; then
    now_ms() { echo $(($(date +%s%N) / 1000000)); }
else
    die "need bash 5 (EPOCHREALTIME) or a date(1) that supports +%N"
fi

ms_to_s() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
loadavg() { if [[ -r /proc/loadavg ]]; then cat /proc/loadavg; else uptime; fi; }

# ---------------------------------------------------------------------------
# generation (files are replaced only when their content changes, so a rerun
# keeps the dependency builds)

put() { # put FILE  (content on stdin)
    local tmp
    tmp=$(mktemp "$1.XXXXXX")
    cat >"$tmp"
    if [[ -f $1 ]] && cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv -f "$tmp" "$1"; fi
}

# Per error i (1-based): code, variant, status, message words.
# Shared by the TOML and the Rust generators so that the three enums agree.
GEN_AWK='
function pad(i) { return sprintf("%04d", i) }
function code(i) { return words[(i - 1) % nw + 1] "_" pad(i) }
function variant(i,   parts, n, k, v) {
    n = split(tolower(words[(i - 1) % nw + 1]), parts, "_"); v = ""
    for (k = 1; k <= n; k++) v = v toupper(substr(parts[k], 1, 1)) substr(parts[k], 2)
    return v pad(i)
}
function status(i) { return statuses[(i - 1) % ns + 1] }
BEGIN {
    nw = split("QUOTA_EXCEEDED RATE_LIMITED AGENT_NOT_FOUND TIER_BLOCKED NONCE_REUSED SIGNATURE_INVALID KEY_REVOKED STAKE_TOO_LOW WINDOW_CLOSED UPSTREAM_FAILED", words, " ")
    ns = split("400 401 403 404 409 422 429 500 502 503", statuses, " ")
}
'

gen_toml() {
    awk -v n="$CODES" "$GEN_AWK"'
    BEGIN {
        print "# Generated by tests/benches/build-cost.sh: do not edit."
        print "[service]"
        print "id = \"bench\""
        print "name = \"Build-cost benchmark API\""
        print "enum_name = \"BenchError\""
        print ""
        print "[wire]"
        print "preset = \"flat\""
        for (i = 1; i <= n; i++) {
            print ""
            print "[[errors]]"
            printf "code = \"%s\"\n", code(i)
            printf "variant = \"%s\"\n", variant(i)
            printf "status = %d\n", status(i)
            printf "message = \"Agent {agentId} hit limit {limit} on resource %d\"\n", i
            print "fields = { agentId = \"string\", limit = \"u32\" }"
        }
    }'
}

gen_thiserror() { # gen_thiserror DERIVES SERDE(0|1)
    awk -v n="$CODES" -v derives="$1" -v serde="$2" "$GEN_AWK"'
    BEGIN {
        print "//! Generated by tests/benches/build-cost.sh: do not edit."
        print ""
        printf "#[derive(%s)]\n", derives
        print "pub enum BenchError {"
        for (i = 1; i <= n; i++) {
            printf "    #[error(\"Agent {agent_id} hit limit {limit} on resource %d\")]\n", i
            printf "    %s {\n", variant(i)
            if (serde) print "        #[serde(rename = \"agentId\")]"
            print "        agent_id: String,"
            print "        limit: u32,"
            print "        timestamp: Option<u64>,"
            print "    },"
        }
        print "}"
    }'
}

gen_derive() {
    awk -v n="$CODES" "$GEN_AWK"'
    BEGIN {
        print "//! Generated by tests/benches/build-cost.sh: do not edit."
        print ""
        print "#[derive(Debug, error_catalog::ApiError)]"
        print "#[api_error(catalog = \"errors.toml\")]"
        print "pub enum BenchError {"
        for (i = 1; i <= n; i++) {
            printf "    %s {\n", variant(i)
            print "        agent_id: String,"
            print "        limit: u32,"
            print "        timestamp: Option<u64>,"
            print "    },"
        }
        print "    #[api_error(unknown)]"
        print "    Unknown(error_catalog::UnknownError),"
        print "}"
    }'
}

manifest() { # manifest NAME DEPENDENCIES...
    local name=$1
    shift
    printf '# Generated by tests/benches/build-cost.sh: do not edit.\n'
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n' "$name"
    printf '[lib]\npath = "src/lib.rs"\n\n[dependencies]\n'
    printf '%s\n' "$@"
    printf '\n# Independent of the error-catalog workspace.\n[workspace]\n'
}

generate() {
    local d
    for c in "${CRATES[@]}"; do
        d=$BENCH/$c
        mkdir -p "$d/src"
        # Seed the lock file so shared dependencies resolve as in the main workspace.
        if [[ ! -f $d/Cargo.lock && -f $REPO/Cargo.lock ]]; then cp "$REPO/Cargo.lock" "$d/Cargo.lock"; fi
    done
    [[ $REPO != *"'"* ]] || die "the repository path contains a quote: $REPO"

    manifest ours "error-catalog = { path = '$REPO/runtime/error-catalog' }" | put "$BENCH/ours/Cargo.toml"
    gen_toml | put "$BENCH/ours/errors.toml"
    printf '%s\n' '//! Generated by tests/benches/build-cost.sh: do not edit.' '' \
        'error_catalog::catalog!("errors.toml");' | put "$BENCH/ours/src/lib.rs"

    manifest ours_borrowed "error-catalog = { path = '$REPO/runtime/error-catalog' }" | put "$BENCH/ours_borrowed/Cargo.toml"
    gen_toml | put "$BENCH/ours_borrowed/errors.toml"
    printf '%s\n' '//! Generated by tests/benches/build-cost.sh: do not edit.' '' \
        'error_catalog::catalog!(#[api_error(borrowed)] "errors.toml");' | put "$BENCH/ours_borrowed/src/lib.rs"

    manifest ours_derive "error-catalog = { path = '$REPO/runtime/error-catalog' }" | put "$BENCH/ours_derive/Cargo.toml"
    gen_toml | put "$BENCH/ours_derive/errors.toml"
    gen_derive | put "$BENCH/ours_derive/src/lib.rs"

    manifest thiserror_serde 'thiserror = "2"' 'serde = { version = "1", features = ["derive"] }' \
        | put "$BENCH/thiserror_serde/Cargo.toml"
    gen_thiserror "Debug, thiserror::Error, serde::Serialize, serde::Deserialize" 1 \
        | put "$BENCH/thiserror_serde/src/lib.rs"

    manifest thiserror_only 'thiserror = "2"' | put "$BENCH/thiserror_only/Cargo.toml"
    gen_thiserror "Debug, thiserror::Error" 0 | put "$BENCH/thiserror_only/src/lib.rs"
}

# ---------------------------------------------------------------------------
# building

OFFLINE=()

build() { # build CRATE LOG: cargo build in the crate's directory, log to LOG
    (cd -- "$BENCH/$1" && cargo build "${OFFLINE[@]}" >"$2" 2>&1)
}

fail_build() { # fail_build CRATE LOG
    echo >&2
    echo "build-cost: cargo build of '$1' failed (CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-unset}); log $2:" >&2
    cat "$2" >&2
    exit 1
}

touch_crate() {
    touch "$BENCH/$1/src/lib.rs"
    if [[ $1 == ours* ]]; then touch "$BENCH/$1/errors.toml"; fi
}

locked_version() { # locked_version CRATE PACKAGE
    awk -v p="$2" '$1 == "name" && $3 == "\"" p "\"" { getline; gsub(/"/, "", $3); v = v (v == "" ? "" : "+") $3 }
        END { print (v == "" ? "-" : v) }' "$BENCH/$1/Cargo.lock" 2>/dev/null || echo "?"
}

median_of() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
min_of() { sort -n | head -n1; }
max_of() { sort -n | tail -n1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# ---------------------------------------------------------------------------

LOG=$BENCH/logs
mkdir -p "$LOG"

LOAD_START=$(loadavg)
echo "# error-catalog build-cost benchmark"
echo
echo "repo:         $REPO"
echo "bench dir:    $BENCH  (target: $CARGO_TARGET_DIR)"
echo "codes:        $CODES, runs per crate and mode: $RUNS"
echo "toolchain:    $(cargo --version), $(rustc --version 2>/dev/null || echo 'rustc ?')"
echo "cpus:         $(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')"
echo "loadavg start: $LOAD_START"
echo

generate

echo "## Dependencies (one untimed build per crate)"
for c in "${CRATES[@]}"; do
    t0=$(now_ms)
    if ! CARGO_INCREMENTAL=0 build "$c" "$LOG/deps-$c.log"; then
        if [[ ${#OFFLINE[@]} -eq 0 ]] && grep -qiE 'failed to (get|load|download|query|fetch|update)|network|registry|index' "$LOG/deps-$c.log"; then
            echo "  $c: resolving online failed; retrying with --offline"
            OFFLINE=(--offline)
            CARGO_INCREMENTAL=0 build "$c" "$LOG/deps-$c.log" || fail_build "$c" "$LOG/deps-$c.log"
        else
            CARGO_INCREMENTAL=0 fail_build "$c" "$LOG/deps-$c.log"
        fi
    fi
    echo "  $c: $(ms_to_s $(($(now_ms) - t0))) s"
done
for c in "${CRATES[@]}"; do
    echo "  $c resolved: thiserror $(locked_version "$c" thiserror), serde $(locked_version "$c" serde)," \
        "serde_derive $(locked_version "$c" serde_derive), syn $(locked_version "$c" syn)"
done
echo

declare -A TIMES # TIMES[mode,crate] = "ms ms ms ..."
MAX_RETRIES=${MAX_RETRIES:-3}
DISCARDED=0 # timed builds thrown away because a dependency was rebuilt too
DIRTY=0     # kept although a dependency was rebuilt too

for mode in 1 0; do
    export CARGO_INCREMENTAL=$mode
    echo "## CARGO_INCREMENTAL=$mode  (loadavg: $(loadavg))"
    for c in "${CRATES[@]}"; do
        touch_crate "$c"
        build "$c" "$LOG/warmup-$mode-$c.log" || fail_build "$c" "$LOG/warmup-$mode-$c.log"
        TIMES[$mode,$c]=""
    done
    for ((r = 0; r < RUNS; r++)); do
        for ((k = 0; k < ${#CRATES[@]}; k++)); do
            c=${CRATES[$(((r + k) % ${#CRATES[@]}))]}
            log=$LOG/run-$mode-$c-$((r + 1)).log
            note=""
            for ((attempt = 1; ; attempt++)); do
                touch_crate "$c"
                t0=$(now_ms)
                build "$c" "$log" || fail_build "$c" "$log"
                dt=$(($(now_ms) - t0))
                grep -q "Compiling $c " "$log" || die "touching $c did not make cargo rebuild it (see $log)"
                # Anything else compiled means a dependency's sources (e.g. <repo>/runtime,
                # being edited while the benchmark runs) changed: that time is not the
                # crate's rebuild. Discard it and measure again (dependencies are now
                # rebuilt), at most MAX_RETRIES times.
                others=$(grep -E '^ *Compiling ' "$log" | grep -v "Compiling $c " | awk '{ print $2 }' | paste -sd, -) || true
                [[ -z $others ]] && break
                if ((attempt > MAX_RETRIES)); then
                    note="  (includes rebuilding $others; kept after $MAX_RETRIES retries)"
                    DIRTY=$((DIRTY + 1))
                    break
                fi
                printf '  run %d/%d  %-16s %8s s  discarded: also rebuilt %s (dependency sources changed); repeating\n' \
                    $((r + 1)) "$RUNS" "$c" "$(ms_to_s "$dt")" "$others"
                DISCARDED=$((DISCARDED + 1))
            done
            TIMES[$mode,$c]+="$dt "
            printf '  run %d/%d  %-16s %8s s%s\n' $((r + 1)) "$RUNS" "$c" "$(ms_to_s "$dt")" "$note"
        done
    done
    echo
done

LOAD_END=$(loadavg)

declare -A MED MIN MAX
for mode in 1 0; do
    for c in "${CRATES[@]}"; do
        vals=$(tr ' ' '\n' <<<"${TIMES[$mode,$c]}" | grep -v '^$')
        MED[$mode,$c]=$(median_of <<<"$vals")
        MIN[$mode,$c]=$(min_of <<<"$vals")
        MAX[$mode,$c]=$(max_of <<<"$vals")
    done
done

mode_name() { if [[ $1 == 1 ]]; then echo on; else echo off; fi; }

echo "## Summary"
echo
echo "$CODES codes, \`cargo build\` (dev profile) after touching the crate's sources, median of $RUNS runs."
echo
echo "| crate | incremental | median (s) | min (s) | max (s) | ours / this (median) |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for mode in 1 0; do
    for c in "${CRATES[@]}"; do
        printf '| %s | %s | %s | %s | %s | %s |\n' "$c" "$(mode_name $mode)" \
            "$(ms_to_s "${MED[$mode,$c]}")" "$(ms_to_s "${MIN[$mode,$c]}")" "$(ms_to_s "${MAX[$mode,$c]}")" \
            "$(ratio "${MED[$mode,ours]}" "${MED[$mode,$c]}")"
    done
done
echo
echo "| incremental | ours / thiserror_serde | ours_derive / thiserror_serde | ours_borrowed / thiserror_serde | ours / thiserror_only | target (derive / thiserror_serde <= 1) |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
for mode in 1 0; do
    r_serde=$(ratio "${MED[$mode,ours]}" "${MED[$mode,thiserror_serde]}")
    r_derive=$(ratio "${MED[$mode,ours_derive]}" "${MED[$mode,thiserror_serde]}")
    r_borrowed=$(ratio "${MED[$mode,ours_borrowed]}" "${MED[$mode,thiserror_serde]}")
    r_only=$(ratio "${MED[$mode,ours]}" "${MED[$mode,thiserror_only]}")
    met=$(awk -v a="${MED[$mode,ours_derive]}" -v b="${MED[$mode,thiserror_serde]}" 'BEGIN { print (a <= b ? "met" : "not met") }')
    printf '| %s | %s | %s | %s | %s | %s |\n' "$(mode_name $mode)" "$r_serde" "$r_derive" "$r_borrowed" "$r_only" "$met"
done
echo
echo "discarded runs (a dependency was rebuilt too, measured again): $DISCARDED; kept with a dependency rebuild: $DIRTY"
echo "loadavg start: $LOAD_START"
echo "loadavg end:   $LOAD_END"
echo "logs: $LOG"
