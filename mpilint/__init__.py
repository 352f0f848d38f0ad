"""mpilint: lint Kubeflow MPIJob manifests and the Dockerfiles of the images they run."""

__version__ = "0.1.0"
