"""Comments and annotations that silence findings, and what they silenced."""
