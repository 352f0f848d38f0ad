FROM ubuntu:22.04
RUN useradd -m mpiuser
RUN echo "unbalanced 'x
RUN echo 'a
RUN echo $(
RUN echo )))
