"""What mpirun prints when its remote daemons never start, shared by the rules that quote it.

Open MPI 4 and Open MPI 5 word the same failure differently (4.1.4: ORTE; 5.0.11: PRRTE), and
eight rules end in it: one phrase here keeps their messages from drifting apart, and the evidence
suite (``tests/evidence/test_openmpi.py``, ``test_openmpi5.py``) runs both versions for it.
"""

from __future__ import annotations

DAEMONS_4 = "ORTE was unable to reliably start one or more daemons"
DAEMONS_5 = "A daemon failed to report back after being spawned"
# For a finding's message: the two texts, each with the versions that print it.
DAEMONS_FAILED = f'"{DAEMONS_4}" (Open MPI 4; Open MPI 5: "{DAEMONS_5}")'
