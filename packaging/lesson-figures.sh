#!/usr/bin/env bash
# Every figure of the README lesson "SE → SK → split attention in 20 minutes", made by the CLI from the
# bundled models (fmnist-se1x64d, fmnist-sk2s1x64d, fmnist-2s1x64d and, for the Variants figure, all of
# them), into packaging/figures/lesson-*.png. Rerun it after the bundled models change.
#
# usage: packaging/lesson-figures.sh [LAUNCHER...]
#   packaging/lesson-figures.sh                                  java -jar target/splitscope.jar
#   packaging/lesson-figures.sh target/installer/splitscope/bin/splitscope
# WIDTH (default 7in) and DPI (default 110) size the PNGs; OUT (default packaging/figures) is where they go.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=("$@")
[ ${#launcher[@]} -gt 0 ] || launcher=(java -jar target/splitscope.jar)
width=${WIDTH:-7in}
dpi=${DPI:-110}
out=${OUT:-packaging/figures}
samples=resources/samples/fashion-mnist
boot=$samples/ankle-boot-0000.png
coat=$samples/coat-0006.png
# no telemetry, nothing downloaded
export OPT_OUT_TRACKING=true DJL_OFFLINE=true
mkdir -p "$out"
scratch=$(mktemp -d /tmp/splitscope-lesson.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

figure() { # NAME, then figure's options
  local name=$1
  shift
  "${launcher[@]}" figure "$@" --width "$width" --dpi "$dpi" --out "$out/lesson-$name.png"
  echo "$out/lesson-$name.png"
}

# 1. SE: one gate per channel (squeeze, excite, scale)
figure 1-se-walkthrough --view walkthrough --model fmnist-se1x64d --input "$boot" --block layer2.0
figure 2-se-gates --view splitbars --model fmnist-se1x64d --input "$boot" --block layer3.1
# 2. SK: two paths (3×3, 3×3 dilation 2), a softmax between them per channel
figure 3-sk-walkthrough --view walkthrough --model fmnist-sk2s1x64d --input "$boot" --block layer2.0
figure 4-sk-paths --view heatmaps --model fmnist-sk2s1x64d --input "$boot" --block layer2.0
# 3. split attention: R splits of the same kernel, per cardinal group
figure 5-splat-walkthrough --view walkthrough --model fmnist-2s1x64d --input "$boot" --block layer2.0
figure 6-splat-heatmaps --view heatmaps --model fmnist-2s1x64d --input "$coat" --block layer2.0
# 4. does it matter? each block in turn made neutral (SE: gate 1; SK: 1/M per path) over the 30 samples
for model in fmnist-se1x64d fmnist-sk2s1x64d; do
  "${launcher[@]}" knockout --model "$model" --input "$samples" --mode uniform --out "$scratch/$model"
done
figure 7-se-knockout --view knockout --knockout "$scratch/fmnist-se1x64d"
figure 8-sk-knockout --view knockout --knockout "$scratch/fmnist-sk2s1x64d"
# 5. all mechanisms side by side, with the ablation table
figure 9-variants --view variants --input "$boot"
