#!/bin/bash
# Submits `splitscope analyze` over a data set as a Slurm job array of N shards, and a merge job
# that runs once every task has ended well (--dependency=afterok); prints both job ids.
#
#   packaging/slurm/submit.sh --input DIR --out DIR --shards N [--throttle K] [--gpu] [--jar FILE]
#       [--time T] [--mem M] [--merge-time T] [--sbatch OPTION]... [-- analyze options, e.g. --model M]
#
# OUT/shard-I holds task I's statistics (I = 1..N, as --shard I/N counts), OUT/merged the merge.
# Paths are made absolute, so the jobs do not depend on the folder they start in.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$here/../../target/splitscope.jar
input='' out='' n='' throttle='' gpu=0 time='' mem='' merge_time=''
extra=()
die() { echo "error: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --input) input=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --shards) n=${2:?}; shift 2 ;;
    --throttle) throttle=${2:?}; shift 2 ;;
    --gpu) gpu=1; shift ;;
    --jar) jar=${2:?}; shift 2 ;;
    --time) time=${2:?}; shift 2 ;;
    --mem) mem=${2:?}; shift 2 ;;
    --merge-time) merge_time=${2:?}; shift 2 ;;
    --sbatch) extra+=("${2:?}"); shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[ -n "$input" ] && [ -n "$out" ] && [ -n "$n" ] || die "submit.sh needs --input DIR --out DIR --shards N"
[[ $n =~ ^[1-9][0-9]*$ ]] || die "--shards '$n': a whole number ≥ 1"
[ -z "$throttle" ] || [[ $throttle =~ ^[1-9][0-9]*$ ]] || die "--throttle '$throttle': a whole number ≥ 1"
[ -d "$input" ] || die "--input $input: not a folder"
[ -f "$jar" ] || die "$jar: no such jar (build it: mvn -B package -DskipTests, or give --jar)"
command -v sbatch >/dev/null || die "sbatch not found: run this on a Slurm login node"
mkdir -p "$out" || die "--out $out: cannot create it"
input=$(cd "$input" && pwd)
out=$(cd "$out" && pwd)
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

array=(--array="1-$n${throttle:+%$throttle}" --output="$out/slurm-%A_%a.out")
[ -n "$time" ] && array+=(--time="$time")
[ -n "$mem" ] && array+=(--mem="$mem")
merge=(--output="$out/slurm-merge-%j.out")
[ -n "$merge_time" ] && merge+=(--time="$merge_time")
script=$here/analyze-cpu.sbatch
[ "$gpu" = 1 ] && script=$here/analyze-gpu.sbatch

# --parsable prints "id" or "id;cluster"
array_id=$(sbatch --parsable "${array[@]}" "${extra[@]}" "$script" "$jar" "$input" "$out" "$n" "$@")
array_id=${array_id%%;*}
# the merge is cancelled, not left pending for ever, when a task fails for good
merge_id=$(sbatch --parsable --dependency="afterok:$array_id" --kill-on-invalid-dep=yes \
  "${merge[@]}" "${extra[@]}" "$here/merge.sbatch" "$jar" "$out" "$n")
merge_id=${merge_id%%;*}
echo "array job $array_id (tasks 1-$n${throttle:+, at most $throttle at once}): $out/shard-1 … shard-$n"
echo "merge job $merge_id (after every task ends well): $out/merged"
