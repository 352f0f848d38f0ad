from mpilint.cli import entry

raise SystemExit(entry())
