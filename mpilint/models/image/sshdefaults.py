"""The files Debian's OpenSSH packages install, as data.

The image model starts ``/etc/ssh/ssh_config`` and ``/etc/ssh/sshd_config`` from these texts when
a Dockerfile installs ``openssh-client``/``openssh-server`` with apt on a Debian or Ubuntu base,
so that the usual ``sed -i`` recipes can be replayed on the real commented defaults (the CERIT
``s/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g`` needs the line ``#   StrictHostKeyChecking
ask`` to exist). The texts are Debian bookworm's, byte for byte: ``/etc/ssh/ssh_config`` of
openssh-client 1:9.2p1-2+deb12u10, and ``/usr/share/openssh/sshd_config`` of openssh-server (the
postinst copies it to ``/etc/ssh/sshd_config``). Buster's (7.9p1) and Ubuntu's differ only in lines
no common recipe edits and no rule reads: no ``Include`` line in buster, ``#PidFile
/var/run/sshd.pid`` instead of ``/run/sshd.pid``, ``ChallengeResponseAuthentication`` instead of
``KbdInteractiveAuthentication``; the lines the recipes edit (``#   StrictHostKeyChecking ask``,
``#   Port 22``, ``#Port 22``, ``#StrictModes yes``) are identical, so one text serves all.
"""

from __future__ import annotations

__all__ = [
    "CLEAN_DEBIAN_BASES",
    "CLEAN_DEBIAN_TAGGED",
    "CLEAN_OTHER_BASES",
    "DEFAULT_HOST_KEYS",
    "DEFAULT_PID_FILE",
    "HOROVOD_BASES",
    "MPIOPERATOR_BASES",
    "MPIOPERATOR_ENTRYPOINT_BASES",
    "MPIOPERATOR_SSHD_CONFIG",
    "SSHD_CONFIG",
    "SSH_CONFIG",
]

SSH_CONFIG = """
# This is the ssh client system-wide configuration file.  See
# ssh_config(5) for more information.  This file provides defaults for
# users, and the values can be changed in per-user configuration files
# or on the command line.

# Configuration data is parsed as follows:
#  1. command line options
#  2. user-specific file
#  3. system-wide file
# Any configuration value is only changed the first time it is set.
# Thus, host-specific definitions should be at the beginning of the
# configuration file, and defaults at the end.

# Site-wide defaults for some commonly used options.  For a comprehensive
# list of available options, their meanings and defaults, please see the
# ssh_config(5) man page.

Include /etc/ssh/ssh_config.d/*.conf

Host *
#   ForwardAgent no
#   ForwardX11 no
#   ForwardX11Trusted yes
#   PasswordAuthentication yes
#   HostbasedAuthentication no
#   GSSAPIAuthentication no
#   GSSAPIDelegateCredentials no
#   GSSAPIKeyExchange no
#   GSSAPITrustDNS no
#   BatchMode no
#   CheckHostIP yes
#   AddressFamily any
#   ConnectTimeout 0
#   StrictHostKeyChecking ask
#   IdentityFile ~/.ssh/id_rsa
#   IdentityFile ~/.ssh/id_dsa
#   IdentityFile ~/.ssh/id_ecdsa
#   IdentityFile ~/.ssh/id_ed25519
#   Port 22
#   Ciphers aes128-ctr,aes192-ctr,aes256-ctr,aes128-cbc,3des-cbc
#   MACs hmac-md5,hmac-sha1,umac-64@openssh.com
#   EscapeChar ~
#   Tunnel no
#   TunnelDevice any:any
#   PermitLocalCommand no
#   VisualHostKey no
#   ProxyCommand ssh -q -W %h:%p gateway.example.com
#   RekeyLimit 1G 1h
#   UserKnownHostsFile ~/.ssh/known_hosts.d/%k
    SendEnv LANG LC_*
    HashKnownHosts yes
    GSSAPIAuthentication yes
"""

SSHD_CONFIG = """
# This is the sshd server system-wide configuration file.  See
# sshd_config(5) for more information.

# This sshd was compiled with PATH=/usr/local/bin:/usr/bin:/bin:/usr/games

# The strategy used for options in the default sshd_config shipped with
# OpenSSH is to specify options with their default value where
# possible, but leave them commented.  Uncommented options override the
# default value.

Include /etc/ssh/sshd_config.d/*.conf

#Port 22
#AddressFamily any
#ListenAddress 0.0.0.0
#ListenAddress ::

#HostKey /etc/ssh/ssh_host_rsa_key
#HostKey /etc/ssh/ssh_host_ecdsa_key
#HostKey /etc/ssh/ssh_host_ed25519_key

# Ciphers and keying
#RekeyLimit default none

# Logging
#SyslogFacility AUTH
#LogLevel INFO

# Authentication:

#LoginGraceTime 2m
#PermitRootLogin prohibit-password
#StrictModes yes
#MaxAuthTries 6
#MaxSessions 10

#PubkeyAuthentication yes

# Expect .ssh/authorized_keys2 to be disregarded by default in future.
#AuthorizedKeysFile\t.ssh/authorized_keys .ssh/authorized_keys2

#AuthorizedPrincipalsFile none

#AuthorizedKeysCommand none
#AuthorizedKeysCommandUser nobody

# For this to work you will also need host keys in /etc/ssh/ssh_known_hosts
#HostbasedAuthentication no
# Change to yes if you don't trust ~/.ssh/known_hosts for
# HostbasedAuthentication
#IgnoreUserKnownHosts no
# Don't read the user's ~/.rhosts and ~/.shosts files
#IgnoreRhosts yes

# To disable tunneled clear text passwords, change to no here!
#PasswordAuthentication yes
#PermitEmptyPasswords no

# Change to yes to enable challenge-response passwords (beware issues with
# some PAM modules and threads)
KbdInteractiveAuthentication no

# Kerberos options
#KerberosAuthentication no
#KerberosOrLocalPasswd yes
#KerberosTicketCleanup yes
#KerberosGetAFSToken no

# GSSAPI options
#GSSAPIAuthentication no
#GSSAPICleanupCredentials yes
#GSSAPIStrictAcceptorCheck yes
#GSSAPIKeyExchange no

# Set this to 'yes' to enable PAM authentication, account processing,
# and session processing. If this is enabled, PAM authentication will
# be allowed through the KbdInteractiveAuthentication and
# PasswordAuthentication.  Depending on your PAM configuration,
# PAM authentication via KbdInteractiveAuthentication may bypass
# the setting of "PermitRootLogin prohibit-password".
# If you just want the PAM account and session checks to run without
# PAM authentication, then enable this but set PasswordAuthentication
# and KbdInteractiveAuthentication to 'no'.
UsePAM yes

#AllowAgentForwarding yes
#AllowTcpForwarding yes
#GatewayPorts no
X11Forwarding yes
#X11DisplayOffset 10
#X11UseLocalhost yes
#PermitTTY yes
PrintMotd no
#PrintLastLog yes
#TCPKeepAlive yes
#PermitUserEnvironment no
#Compression delayed
#ClientAliveInterval 0
#ClientAliveCountMax 3
#UseDNS no
#PidFile /run/sshd.pid
#MaxStartups 10:30:100
#PermitTunnel no
#ChrootDirectory none
#VersionAddendum none

# no default banner path
#Banner none

# Allow client to pass locale environment variables
AcceptEnv LANG LC_*

# override default of no subsystems
Subsystem\tsftp\t/usr/lib/openssh/sftp-server

# Example of overriding settings on a per-user basis
#Match User anoncvs
#\tX11Forwarding no
#\tAllowTcpForwarding no
#\tPermitTTY no
#\tForceCommand cvs server
"""

# ``sshd`` without a HostKey line loads these (sshd_config(5)); openssh-server's postinst creates
# them (``ssh-keygen -A``), owned by root, mode 0600.
DEFAULT_HOST_KEYS = (
    "/etc/ssh/ssh_host_rsa_key",
    "/etc/ssh/ssh_host_ecdsa_key",
    "/etc/ssh/ssh_host_ed25519_key",
)

# Debian builds sshd with --with-pid-dir=/run (buster: /var/run, the same directory).
DEFAULT_PID_FILE = "/run/sshd.pid"

# kubeflow/mpi-operator build/base/sshd_config, copied to /home/mpiuser/.sshd_config, plus the
# "Port 2222" line build/base/Dockerfile appends to it.
MPIOPERATOR_SSHD_CONFIG = """PidFile /home/mpiuser/sshd.pid
HostKey /home/mpiuser/.ssh/id_rsa
StrictModes no
Port 2222
"""

# Base images whose file system holds no OpenSSH file: a package manager install creates them.
# Debian-family ones get the texts above from apt; the others (other package managers) get files
# of unknown content. ``nvidia/cuda`` counts only for its Ubuntu tags.
CLEAN_DEBIAN_BASES = ("debian", "ubuntu")
CLEAN_DEBIAN_TAGGED = (("nvidia/cuda", "ubuntu"), ("nvcr.io/nvidia/cuda", "ubuntu"))
CLEAN_OTHER_BASES = (
    "alpine",
    "busybox",
    "centos",
    "rockylinux",
    "rockylinux/rockylinux",
    "almalinux",
    "fedora",
    "registry.access.redhat.com/ubi*",
    "redhat/ubi*",
)
MPIOPERATOR_BASES = (
    "mpioperator/base",
    "mpioperator/openmpi",
    "mpioperator/intel",
    "mpioperator/mpich",
)
# mpioperator/intel and mpioperator/mpich start through this script (it ends in exec "$@").
MPIOPERATOR_ENTRYPOINT_BASES = ("mpioperator/intel", "mpioperator/mpich")
HOROVOD_BASES = ("horovod/horovod*",)
