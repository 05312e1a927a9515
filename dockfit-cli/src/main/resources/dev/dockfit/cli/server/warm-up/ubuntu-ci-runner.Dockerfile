# CI runner image: the tools our pipelines call, in one image.
# Rebuilt weekly by the "runner-image" pipeline; bump the versions below and open a merge request.
#
# Versions ---------------------------------------------------------------------------------------
ARG UBUNTU_RELEASE=22.04
FROM ubuntu:${UBUNTU_RELEASE}

ARG DEBIAN_FRONTEND=noninteractive
ARG NODE_MAJOR=20
ARG GO_VERSION=1.22.1
ARG KUBECTL_VERSION=v1.29.3
ARG HELM_VERSION=v3.14.3
ARG TERRAFORM_VERSION=1.7.5
ARG YQ_VERSION=v4.42.1
ARG TRIVY_VERSION=0.50.0
ARG SHELLCHECK_VERSION=v0.10.0
ARG RUNNER_USER=runner
ARG RUNNER_UID=1001

LABEL org.opencontainers.image.title="ci-runner" \
      org.opencontainers.image.vendor="Example Engineering" \
      org.opencontainers.image.version="2024.13" \
      org.opencontainers.image.description="Outils CI : Node ${NODE_MAJOR}, Go ${GO_VERSION}, kubectl, Helm, Terraform"

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# Base packages ----------------------------------------------------------------------------------
# hadolint ignore=DL3008,DL3015
RUN apt-get update \
    && apt-get install -y \
        apt-transport-https \
        build-essential \
        ca-certificates \
        curl \
        git \
        git-lfs \
        gnupg \
        jq \
        locales \
        lsb-release \
        make \
        openssh-client \
        python3 \
        python3-pip \
        python3-venv \
        rsync \
        software-properties-common \
        sudo \
        tzdata \
        unzip \
        xz-utils \
        zip \
    && locale-gen en_US.UTF-8 \
    && rm -rf /var/lib/apt/lists/*

ENV LANG=en_US.UTF-8 \
    LC_ALL=en_US.UTF-8 \
    TZ=Etc/UTC

# Docker CLI and buildx from Docker's repository (no daemon: the jobs talk to a remote builder)
RUN install -m 0755 -d /etc/apt/keyrings \
    && curl -fsSL https://download.docker.com/linux/ubuntu/gpg | gpg --dearmor -o /etc/apt/keyrings/docker.gpg \
    && chmod a+r /etc/apt/keyrings/docker.gpg \
    && echo "deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.gpg] https://download.docker.com/linux/ubuntu \
       $(. /etc/os-release && echo "$VERSION_CODENAME") stable" > /etc/apt/sources.list.d/docker.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends docker-ce-cli docker-buildx-plugin docker-compose-plugin \
    && rm -rf /var/lib/apt/lists/*

# Node.js from NodeSource, then the package managers through corepack
RUN curl -fsSL https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key \
        | gpg --dearmor -o /etc/apt/keyrings/nodesource.gpg \
    && echo "deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_${NODE_MAJOR}.x nodistro main" \
        > /etc/apt/sources.list.d/nodesource.list \
    && apt-get update && apt-get install -y --no-install-recommends nodejs \
    && rm -rf /var/lib/apt/lists/* \
    && corepack enable \
    && corepack prepare pnpm@8.15.4 --activate \
    && npm install -g npm@10 @commitlint/cli@19 \
    && npm cache clean --force

# Go
ENV GOROOT=/usr/local/go \
    GOPATH=/go \
    PATH=/usr/local/go/bin:/go/bin:$PATH
RUN arch="$(dpkg --print-architecture)"; \
    case "$arch" in \
        amd64) goarch=amd64 ;; \
        arm64) goarch=arm64 ;; \
        *) echo >&2 "unsupported architecture: $arch"; exit 1 ;; \
    esac; \
    curl -fsSL "https://go.dev/dl/go${GO_VERSION}.linux-${goarch}.tar.gz" | tar -xz -C /usr/local; \
    go version; \
    mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"

# Kubernetes and infrastructure tools: one download each, checked against its published digest
RUN set -eux; \
    arch="$(dpkg --print-architecture)"; \
    cd /tmp; \
    curl -fsSLO "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${arch}/kubectl"; \
    curl -fsSLO "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${arch}/kubectl.sha256"; \
    echo "$(cat kubectl.sha256)  kubectl" | sha256sum --check; \
    install -o root -g root -m 0755 kubectl /usr/local/bin/kubectl; \
    curl -fsSL "https://get.helm.sh/helm-${HELM_VERSION}-linux-${arch}.tar.gz" -o helm.tgz; \
    tar -xzf helm.tgz --strip-components=1 "linux-${arch}/helm"; \
    mv helm /usr/local/bin/; \
    curl -fsSL "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/terraform_${TERRAFORM_VERSION}_linux_${arch}.zip" -o tf.zip; \
    unzip -q tf.zip -d /usr/local/bin; \
    wget -qO /usr/local/bin/yq "https://github.com/mikefarah/yq/releases/download/${YQ_VERSION}/yq_linux_${arch}"; \
    chmod +x /usr/local/bin/yq; \
    wget -qO- "https://github.com/koalaman/shellcheck/releases/download/${SHELLCHECK_VERSION}/shellcheck-${SHELLCHECK_VERSION}.linux.x86_64.tar.xz" \
        | tar -xJ --strip-components=1 -C /usr/local/bin "shellcheck-${SHELLCHECK_VERSION}/shellcheck"; \
    rm -rf /tmp/*; \
    for bin in kubectl helm terraform yq shellcheck; do \
        command -v "$bin" >/dev/null 2>&1 || { echo "missing $bin" >&2; exit 1; }; \
    done

# Trivy's install script, pinned to a release
# dockfit ignore=DF504 the script is fetched from a pinned tag
RUN curl -sfL https://raw.githubusercontent.com/aquasecurity/trivy/v${TRIVY_VERSION}/contrib/install.sh \
        | sh -s -- -b /usr/local/bin "v${TRIVY_VERSION}"

# Python tools in their own virtual environment
ENV VIRTUAL_ENV=/opt/tools
RUN python3 -m venv "$VIRTUAL_ENV" \
    && "$VIRTUAL_ENV/bin/pip" install --no-cache-dir --upgrade pip setuptools \
    && "$VIRTUAL_ENV/bin/pip" install --no-cache-dir \
        "ansible-core>=2.16,<2.17" \
        "awscli==1.32.*" \
        "pre-commit~=3.6" \
        yamllint \
        checkov
ENV PATH="$VIRTUAL_ENV/bin:$PATH"

# The runner user: passwordless sudo for the jobs that install extra packages
RUN groupadd --gid "${RUNNER_UID}" "${RUNNER_USER}" \
    && useradd --uid "${RUNNER_UID}" --gid "${RUNNER_USER}" --create-home --shell /bin/bash "${RUNNER_USER}" \
    && echo "${RUNNER_USER} ALL=(ALL) NOPASSWD:ALL" > "/etc/sudoers.d/${RUNNER_USER}" \
    && chmod 0440 "/etc/sudoers.d/${RUNNER_USER}" \
    && git config --system --add safe.directory '*' \
    && git lfs install --system

COPY --chmod=0755 <<'EOF' /usr/local/bin/ci-entrypoint
#!/usr/bin/env bash
set -euo pipefail
# Trust the corporate CA when the job mounts one.
if [ -d /run/ci/ca ] && [ -n "$(ls -A /run/ci/ca 2>/dev/null)" ]; then
    sudo cp /run/ci/ca/*.crt /usr/local/share/ca-certificates/
    sudo update-ca-certificates >/dev/null
fi
# Log in to the registry when credentials were passed.
if [[ -n "${REGISTRY_USER:-}" && -n "${REGISTRY_PASSWORD_FILE:-}" ]]; then
    docker login -u "$REGISTRY_USER" --password-stdin "${REGISTRY:-registry.example.com}" < "$REGISTRY_PASSWORD_FILE"
fi
exec "$@"
EOF

COPY --chown=${RUNNER_USER}:${RUNNER_USER} <<EOF /home/${RUNNER_USER}/.npmrc
fund=false
update-notifier=false
EOF

# Check the whole tool set once, so that a broken download fails the build rather than a job
RUN <<EOF
set -e
echo "node $(node --version), npm $(npm --version), pnpm $(pnpm --version)"
echo "go: `go version | awk '{print $3}'`"
kubectl version --client=true --output=yaml | grep -q gitVersion
helm version --short
terraform version -json | jq -r .terraform_version
docker buildx version
trivy --version | head -n 1
EOF

USER ${RUNNER_USER}
WORKDIR /home/${RUNNER_USER}/work
ENTRYPOINT ["/usr/local/bin/ci-entrypoint"]
CMD ["bash"]
