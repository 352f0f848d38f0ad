FROM ubuntu:22.04
RUN useradd -m mpiuser
RUN apt-get update \
  # a comment inside
  && apt-get install -y \

     openssh-server \  
  && true
ENV A=1 \
    B=2
