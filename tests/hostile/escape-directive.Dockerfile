# escape=`
# syntax=docker/dockerfile:1
FROM ubuntu:22.04
RUN useradd -m `
    mpiuser
COPY C:\src\a.txt C:\dst\
COPY ["C:\\src\\b.txt", "D:\\b"]
WORKDIR C:\app
