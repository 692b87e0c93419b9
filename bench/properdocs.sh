#!/usr/bin/env bash
# The staged zh site (`redress stage zh`) built by ProperDocs 1.6.7, the MkDocs 1.x continuation,
# with --strict: the site still builds if MkDocs 1.6.1 itself must be replaced. ProperDocs lives in
# a throwaway virtualenv, never in requirements.lock. Material declares mkdocs<2 as a
# dependency, so they go in with --no-deps and their other dependencies at the lock's versions.
#   bash bench/properdocs.sh [STAGED_DIR]   (make properdocs; the bench and a daily CI job run it)
# PROPERDOCS_VENV names the virtualenv (default /tmp/properdocs); PROPERDOCS_INSTALL_ONLY=1 stops
# after installing it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${PROPERDOCS_VENV:-/tmp/properdocs}
STAGED=${1:-staged/zh}
PYTHON=${PYTHON:-python3}
PROPERDOCS=properdocs==1.6.7
# What the staged build loads besides ProperDocs: the theme, its plugins, their dependencies.
NO_DEPS="mkdocs-material"
DEPS="babel backrefs colorama jinja2 markdown mkdocs-material-extensions paginate pygments
      pymdown-extensions requests jieba rjieba"

# The lock's exact versions (no hashes: a constraints file takes none), MkDocs itself left out.
constraints=$(mktemp)
trap 'rm -f "$constraints"' EXIT
sed -nE 's/^([A-Za-z0-9_.-]+==[^ ]+).*/\1/p' requirements.lock | grep -v '^mkdocs==' > "$constraints"
pinned() { for name in "$@"; do grep -i "^${name}==" "$constraints"; done; }

stamp="$VENV/.installed-$(cat "$constraints" <(echo "$PROPERDOCS $NO_DEPS $DEPS") | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -c "$constraints" "$PROPERDOCS"
  # shellcheck disable=SC2046 # one argument per package, on purpose
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-warn-conflicts --no-deps $(pinned $NO_DEPS)
  # shellcheck disable=SC2086
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-warn-conflicts -c "$constraints" $DEPS
  touch "$stamp"
fi
if [ "${PROPERDOCS_INSTALL_ONLY:-}" = 1 ]; then
  exit 0
fi

.venv/bin/python -m redress stage zh "$STAGED"
NO_MKDOCS_2_WARNING=1 "$VENV/bin/properdocs" build --strict -f "$STAGED/mkdocs.yml"
echo "built $STAGED/site with $("$VENV/bin/properdocs" --version)"
