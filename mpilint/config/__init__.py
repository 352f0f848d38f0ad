"""`.mpilint.yaml` / `[tool.mpilint]` and the rule selection, for one run."""
