"""What the operator and the image make of the sources: MPIJob, launch commands, Image."""
