"""Paths, folders and standard input become input files, each read and classified."""
