FROM ubuntu:22.04
RUN useradd -m mpiuser
