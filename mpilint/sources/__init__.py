"""Text becomes positioned trees: YAML nodes, shell words, schema checks over nodes."""
