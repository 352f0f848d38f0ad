"""``--fix`` and ``--diff``: apply the edits findings carry to the texts, in rounds, and write.

A stage after the run and before the report: ``apply`` edits texts (no disk, no run),
``rounds`` lints the edited texts again in memory until nothing changes, ``write`` replaces
files atomically, ``diff`` shows what would change.
"""
