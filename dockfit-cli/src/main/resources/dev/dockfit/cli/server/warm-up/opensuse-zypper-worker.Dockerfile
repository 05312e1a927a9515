FROM opensuse/leap:15.5
ENV container=docker \
    LC_ALL=C.UTF-8
RUN zypper --non-interactive refresh \
 && zypper --non-interactive install --no-recommends python311 python311-pip tar gzip shadow \
 && zypper clean --all
RUN zypper install -y rsync
RUN useradd -r -m -d /var/lib/worker -s /bin/false worker
WORKDIR /var/lib/worker
COPY --chown=worker requirements.txt .
RUN pip3.11 install --user -r requirements.txt
COPY --chown=worker worker/ worker/
USER worker
ENV PATH=/var/lib/worker/.local/bin:$PATH
CMD ["python3.11", "-m", "worker", "--queue", "default"]
