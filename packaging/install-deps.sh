#!/usr/bin/env bash
# Installs what KernelForge needs on Debian 12 (bookworm), skipping what is
# already there. Uses sudo when not run as root. The CUDA toolkit is not a
# Debian package: it is used from /usr/local/cuda (or $CUDA_HOME) when present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libsqlite3-dev libcurl4-openssl-dev nlohmann-json3-dev libcli11-dev libeigen3-dev libdtl-dev
  # Qt6Charts' CMake config needs Qt6OpenGL, and Qt6Gui's wants xkbcommon;
  # Debian does not pull either in with --no-install-recommends.
  qt6-base-dev libqt6opengl6-dev libxkbcommon-dev qt6-charts-dev libqscintilla2-qt6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6svg6 qt6-svg-dev qt6-translations-l10n fonts-noto-cjk
  libgl-dev xvfb xauth
  libsecret-tools
  # Candidates compile and run in a bubblewrap sandbox (docs/sandbox.md);
  # prlimit (util-linux) sets their limits.
  bubblewrap util-linux
  # Runner endpoints (docs/runners.md): ssh:// starts kforge-runner with
  # OpenSSH's client; the tests start their own sshd on 127.0.0.1.
  openssh-client openssh-server
  # slurm:// starts it with srun; the tests run a single-node cluster
  # (slurmctld + slurmd with munge) of their own.
  slurm-wlm slurm-client munge
  # The sanitizer and fuzzing build (.ci/sanitize, bench/fuzz.sh): clang with
  # its ASan/UBSan/libFuzzer runtimes, and llvm-symbolizer for readable stacks.
  clang libclang-rt-14-dev llvm
  hipcc
  # PyTorch references and baselines (run at run time, never a build dependency;
  # Debian's 1.13 is CPU-only and has no torch.compile); kforge export's torch
  # packages are built and tested with it (libtorch-dev has the C++ headers).
  python3-torch python3-numpy python3-dev python3-setuptools python3-pip libtorch-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: everything is installed"
fi

if [ -x "${CUDA_HOME:-/usr/local/cuda}/bin/nvcc" ] || command -v nvcc >/dev/null 2>&1; then
  echo "install-deps: CUDA toolkit found"
else
  echo "install-deps: no CUDA toolkit (nvcc); the CUDA backend will not compile candidates (install CUDA 12+ from NVIDIA to enable it)"
fi
