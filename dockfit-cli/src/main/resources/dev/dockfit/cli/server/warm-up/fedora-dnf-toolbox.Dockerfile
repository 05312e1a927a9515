FROM registry.fedoraproject.org/fedora:40
LABEL com.github.containers.toolbox="true" \
      name="dev-toolbox" \
      summary="Werkzeugkiste für Entwickler — Fedora 40" \
      maintainer="Équipe plateforme <plateforme@example.org>"

ARG EXTRA_PACKAGES="ripgrep fd-find bat"
RUN dnf -y upgrade --refresh \
    && dnf -y install \
        bash-completion git-core gcc make cmake ninja-build \
        python3-pip python3-devel jq tmux vim-enhanced \
        ${EXTRA_PACKAGES} \
    && dnf clean all \
    && rm -rf /var/cache/dnf

RUN pip3 install --no-cache-dir pre-commit==3.6.2 ansible-core
RUN dnf install -y 'dnf-command(config-manager)' \
    && dnf config-manager --add-repo https://cli.github.com/packages/rpm/gh-cli.repo \
    && dnf install -y gh
COPY extra-packages /
RUN if [ -s /extra-packages ]; then \
        xargs -a /extra-packages dnf -y install; \
    fi; \
    rm /extra-packages
RUN for tool in kubectl helm kustomize; do \
        echo "installing ${tool}"; \
        curl -fsSLo "/usr/local/bin/${tool}" "https://downloads.example.net/${tool}/stable/linux-amd64/${tool}" \
          && chmod 0755 "/usr/local/bin/${tool}" || exit 1; \
    done
CMD ["/bin/bash", "-l"]
