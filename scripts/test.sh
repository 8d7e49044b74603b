#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then lint and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -r requirements.txt

# The browser tests drive Debian's Chromium (never a downloaded browser); the slide tests convert a
# deck to PDF with LibreOffice Impress; the deployment test puts two servers behind nginx. All three come
# from Debian's packages when we are root.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v libreoffice >/dev/null || command -v soffice >/dev/null || missing+=(libreoffice-impress-nogui)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)  # the two-replica deployment test
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian packages for the tests: ${missing[*]} ..."
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
      echo "warning: could not install ${missing[*]}: the tests that need them will be skipped" >&2
    fi
  else
    echo "warning: missing ${missing[*]} and not root: the tests that need them will be skipped" >&2
  fi
fi

ruff check .
ruff format --check .
# One test process per core (pytest-xdist; PYTEST_WORKERS=1 for one): a test file stays in one process, so its
# browser server starts once.
python -m pytest -n "${PYTEST_WORKERS:-auto}" --dist loadfile "$@"
