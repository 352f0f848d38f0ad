FROM ubuntu:22.04
RUN useradd -m mpiuser
USER mpiuser
RUN echo hi \
  there
