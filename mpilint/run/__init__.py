"""Running the rules over models for one run, folder by folder, in processes."""
