#!/usr/bin/env bash
# Runs every test in the solution and ends with one line: "N passed, N failed" (", N skipped" when any).
# Installs the system packages the tests need when they are missing. Extra arguments go to `dotnet test`
# (e.g. ./test.sh --filter FullyQualifiedName~Protocol).
set -uo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use, as "command:package" (the command tells whether it is installed).
# chromium: the dashboard tests drive it headless through Playwright (tests/Ambient.Dashboard.Tests).
# espeak-ng: spoken reminders and the wake-word tests/smoke training (gateway/model/wakeword/smoke.sh).
needed=("/usr/sbin/mosquitto:mosquitto" "/usr/bin/chromium:chromium" "/usr/bin/espeak-ng:espeak-ng")
missing=()
for entry in "${needed[@]+"${needed[@]}"}"; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry##*:}")
done
# The language-model pipeline (gateway/model/smoke.sh) runs on Debian's torch/onnx under /usr/bin/python3.
for pkg in python3-torch python3-onnx libopenblas0-pthread; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "test.sh: installing ${missing[*]}"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "test.sh: could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! dotnet build Ambient.sln -nologo -clp:NoSummary -warnaserror; then
  echo "test.sh: the build failed (see the errors above)"
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# A hung test must fail the run, not stall CI: the host is killed after 5 minutes without progress.
dotnet test Ambient.sln --no-build -nologo --blame-hang-timeout 5m --blame-hang-dump-type none "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test assembly.
read -r passed failed skipped assemblies < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
    n++
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited with $status without a failed test (a test host aborted?)"
  failed=1
fi
if [ "$assemblies" -eq 0 ]; then
  echo "test.sh: no test assembly reported results"
  failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
