"""Evidence: the runtime claims in mpilint's messages, reproduced by running the real programs."""
