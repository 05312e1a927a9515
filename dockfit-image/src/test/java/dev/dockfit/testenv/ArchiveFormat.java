package dev.dockfit.testenv;

/** The on-disk image forms dockfit reads, as containers-transports names them. */
public enum ArchiveFormat {
  /** A {@code docker save} tarball (Docker v2 schema 2 manifest, uncompressed layers). */
  DOCKER_ARCHIVE("docker-archive", "docker.tar"),
  /** An OCI image layout directory (OCI manifest, gzip layers). */
  OCI_LAYOUT("oci", "oci"),
  /** An OCI image layout in a tarball. */
  OCI_ARCHIVE("oci-archive", "oci.tar");

  private final String transport;
  private final String fileName;

  ArchiveFormat(String transport, String fileName) {
    this.transport = transport;
    this.fileName = fileName;
  }

  /** "docker-archive", "oci" or "oci-archive". */
  public String transport() {
    return transport;
  }

  /** The file (or directory) name the cache uses for this form. */
  String fileName() {
    return fileName;
  }
}
