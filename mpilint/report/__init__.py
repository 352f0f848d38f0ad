"""The report of a run and one module per output format."""
