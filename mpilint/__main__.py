from mpilint.cli import entry

entry()
