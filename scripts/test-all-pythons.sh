#!/usr/bin/env bash
# The whole suite under every supported Python, each in its own venv with the audio extra.
#   scripts/test-all-pythons.sh [3.11.7 3.12.1 3.13.0]
# Uses pyenv's interpreters; set ALSA_CONFIG_PATH / RUNSTRONG_TEST_ALSA_FILE (see .ci/run) to
# include the real-sound tests.
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(3.11.7 3.12.1 3.13.0)
for version in "${versions[@]}"; do
    venv=".venv-$version"
    echo "== Python $version"
    PYENV_VERSION="$version" pyenv exec python -m venv "$venv"
    "$venv/bin/pip" install -q -e '.[test,audio]' || "$venv/bin/pip" install -q -e '.[test]'
    "$venv/bin/python" -m pytest -q -p no:cacheprovider
done
