ARG CUDA=12.1.1
ARG CUDNN=8
FROM nvidia/cuda:${CUDA}-cudnn${CUDNN}-runtime-ubuntu22.04

ENV DEBIAN_FRONTEND=noninteractive \
    PYTHONDONTWRITEBYTECODE=1 \
    HF_HOME=/models/.cache \
    TORCH_HOME=/models/.cache/torch
RUN apt-get update && apt-get install -y --no-install-recommends \
        python3.10 python3-pip python3.10-venv libgl1 libglib2.0-0 ffmpeg \
    && ln -sf /usr/bin/python3.10 /usr/bin/python \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /srv
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install --extra-index-url https://download.pytorch.org/whl/cu121 \
        torch==2.2.1 torchvision==0.17.1 \
    && pip install -r requirements.txt
RUN --mount=type=secret,id=hf_token \
    HF_TOKEN="$(cat /run/secrets/hf_token)" python -c "from huggingface_hub import snapshot_download; snapshot_download('example/vision-small')" \
    && find "$HF_HOME" -name '*.lock' -delete
COPY app/ app/
RUN useradd -m -u 1000 inference \
    && mkdir -p /models \
    && chown -R inference /models /srv/app \
    && if nvidia-smi >/dev/null 2>&1; then nvidia-smi --query-gpu=name --format=csv,noheader; else echo "no GPU at build time"; fi
LABEL org.opencontainers.image.source="https://huggingface.co/spaces/example/vision-small" \
      org.opencontainers.image.description="Inférence vision — CUDA ${CUDA}"
USER inference
EXPOSE 8000
CMD ["python", "-m", "uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--workers", "1"]
