#!/usr/bin/env bash
# Runs a command with two CPU-bound processes beside it, as a busy laptop would have (a browser,
# a video call), and stops them afterwards whatever the command's result. The suite must pass
# like this too:  scripts/under-load.sh bash .ci/run
set -uo pipefail
hogs=()
for _ in 1 2; do
  node -e 'for (;;) Math.sqrt(Math.random())' &
  hogs+=($!)
done
stop_hogs() { kill "${hogs[@]}" 2>/dev/null; wait "${hogs[@]}" 2>/dev/null; }
trap stop_hogs EXIT INT TERM
"$@"
