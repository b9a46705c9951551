#!/usr/bin/env bash
# Proves the CUDA path on a machine with an NVIDIA GPU: creates ONNX Runtime sessions on the CUDA execution provider
# (failing loudly, exit 3, when CUDA cannot be used: no CPU fallback here), runs BlazeFace and a batched ONNX editor on
# the demo faces on CUDA and on CPU, checks that their outputs agree, and prints images/s for both.
#   scripts/gpu-check.sh [rounds] [cuda-device]     (--dry-run-on-cpu exercises every step on the CPU, exit 5: no proof of CUDA)
# Needs the .NET 10 SDK, the NVIDIA driver, and the CUDA runtime with cuDNN that ONNX Runtime links (CUDA 13, cuDNN 9 for 1.32).
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=index,name,driver_version,memory.total --format=csv,noheader || true
else
  echo "gpu-check: nvidia-smi not found; ONNX Runtime will report whether CUDA loads." >&2
fi
exec dotnet run -c Release --project tests/PainBias.Benchmarks -- gpu "$@"
