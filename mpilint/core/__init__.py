"""The vocabulary every stage shares: value records, spans and findings, rule metadata."""
