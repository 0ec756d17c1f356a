#!/bin/bash
# The job scripts of packaging/slurm on a real Slurm, on this one machine: installs Debian's
# slurm-wlm and munge where missing, starts munged, slurmctld and slurmd with a private
# configuration (its own folder, ports and munge socket: a Slurm already set up here is left alone),
# submits `analyze` over Fashion-MNIST test images as an array of 3 shards plus the merge job
# (submit.sh), kills task 2 mid-run and requeues it (scontrol requeue), waits for the merge and
# compares it with one unsharded run (every statistic within 1e-9). Stops what it started on exit.
#
#   packaging/slurm/selftest.sh            (as root, after mvn -B package; about a minute)
#   SELFTEST_IMAGES=1200 SELFTEST_KEEP=1   (images used; keep the work folder for a look)
set -euo pipefail
exec </dev/null
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jar=$root/target/splitscope.jar
images=${SELFTEST_IMAGES:-1200}
shards=3

say() { echo "selftest: $*"; }
fail() { echo "selftest: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run it as root: it installs slurm-wlm and munge and starts their daemons"
[ -f "$jar" ] && [ -d "$root/target/lib" ] || fail "no $jar with target/lib beside it: build it first (mvn -B package -DskipTests)"
[[ $images =~ ^[0-9]+$ ]] && [ "$images" -ge 30 ] && [ "$images" -le 10000 ] || fail "SELFTEST_IMAGES: 30..10000"

# --- packages -------------------------------------------------------------------------------------
packages=(slurm-wlm munge python3-numpy dataset-fashion-mnist)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # (a package's start scripts may not start services here: policy-rc.d is the container's business)
  { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >/tmp/splitscope-selftest-apt.log 2>&1 \
    || { tail -20 /tmp/splitscope-selftest-apt.log >&2; fail "cannot install ${missing[*]} (log above)"; }
fi
for c in munged mungekey munge unmunge slurmctld slurmd sbatch squeue scontrol sinfo scancel setpriv /usr/bin/python3 java; do
  command -v "$c" >/dev/null || fail "$c not found after installing ${packages[*]}"
done
id munge >/dev/null 2>&1 || fail "no user munge (the munge package creates it)"

# --- a private Slurm ---------------------------------------------------------------------------------
work=$(mktemp -d /var/tmp/splitscope-slurm.XXXXXX)
chmod 755 "$work"
pids=()
jobs_submitted=()
whole_pid=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "${whole_pid:-}" ] && kill "$whole_pid" 2>/dev/null; then
    wait "$whole_pid" 2>/dev/null || true
  fi
  if [ ${#jobs_submitted[@]} -gt 0 ] && [ -n "${SLURM_CONF:-}" ]; then
    scancel "${jobs_submitted[@]}" 2>/dev/null || true
    # let slurmstepd end the tasks' processes before the daemons go
    for _ in $(seq 150); do
      [ -z "$(squeue -h -j "$(IFS=,; echo "${jobs_submitted[*]}")" 2>/dev/null)" ] && break
      sleep 0.1
    done
  fi
  # stop in reverse order: slurmd, slurmctld, munged — by the pids this script started
  for ((k = ${#pids[@]} - 1; k >= 0; k--)); do
    local pid=${pids[k]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ $rc -ne 0 ]; then
    for log in slurmctld.log slurmd.log munge/munged.log; do
      [ -f "$work/$log" ] && { echo "--- $log (last lines)" >&2; tail -15 "$work/$log" >&2; }
    done
  fi
  if [ "${SELFTEST_KEEP:-0}" = 1 ]; then
    say "kept $work"
  else
    rm -rf "$work"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

host=$(hostname -s)
cpus=$(nproc)
mem_mb=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
read -r ctld_port slurmd_port < <(/usr/bin/python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

# the key, log and seed private to munge; the socket in a folder every user can reach (munged insists)
mkdir -p "$work/munge" "$work/munge-socket"
chown munge:munge "$work/munge" "$work/munge-socket"
chmod 700 "$work/munge"
chmod 755 "$work/munge-socket"
setpriv --reuid=munge --regid=munge --init-groups mungekey --create --keyfile="$work/munge/munge.key" \
  || fail "mungekey cannot create a key"
setpriv --reuid=munge --regid=munge --init-groups munged --foreground --socket="$work/munge-socket/munge.socket" \
  --key-file="$work/munge/munge.key" --log-file="$work/munge/munged.log" --pid-file="$work/munge-socket/munged.pid" \
  --seed-file="$work/munge/munged.seed" >"$work/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -S "$work/munge-socket/munge.socket" ] && break; sleep 0.1; done
munge -n -S "$work/munge-socket/munge.socket" | unmunge -S "$work/munge-socket/munge.socket" >/dev/null \
  || fail "munged does not answer on its socket"

mkdir -p "$work/ctld" "$work/slurmd"
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=splitscope-selftest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge-socket/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/ctld
SlurmdSpoolDir=$work/slurmd
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/builtin
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=selftest Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -c -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N "$host" -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 &
pids+=($!)
state=''
for _ in $(seq 300); do
  state=$(sinfo -h -N -o %t 2>/dev/null | head -1 || true)
  [ "$state" = idle ] && break
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || fail "a Slurm daemon exited at start ($(cat "$work"/*.out 2>/dev/null | tail -3))"; done
  sleep 0.1
done
[ "$state" = idle ] || fail "Slurm did not start: node state '${state:-none}' after 30 s"
say "Slurm $(sinfo -V | awk '{print $2}') up: node $host ($cpus CPUs, $mem_mb MB), ports $ctld_port/$slurmd_port"

# --- data: Fashion-MNIST test images as an ImageFolder ------------------------------------------------
data=$work/data
/usr/bin/python3 - "/usr/share/datasets/fashion-mnist" "$data" "$images" <<'EOF'
import gzip, os, struct, sys, zlib
src, dst, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = ["t-shirt-top", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"]
with gzip.open(os.path.join(src, "t10k-images-idx3-ubyte.gz")) as f:
    magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
    assert magic == 2051 and rows == cols == 28 and count <= n
    pixels = f.read(count * 784)
with gzip.open(os.path.join(src, "t10k-labels-idx1-ubyte.gz")) as f:
    assert struct.unpack(">II", f.read(8))[0] == 2049
    labels = f.read(count)
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
for i in range(count):
    img = pixels[i * 784:(i + 1) * 784]
    rows = b"".join(b"\0" + img[r * 28:(r + 1) * 28] for r in range(28))  # filter byte 0 per row
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 28, 28, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    os.makedirs(os.path.join(dst, names[labels[i]]), exist_ok=True)
    with open(os.path.join(dst, names[labels[i]], "%05d.png" % i), "wb") as out:
        out.write(png)
EOF
say "$images Fashion-MNIST test images in $(ls "$data" | wc -l) class folders"

# --- the array and the merge, with the project's own scripts ------------------------------------------
out=$work/out
export OPT_OUT_TRACKING=true DJL_OFFLINE=true SPLITSCOPE_THREADS=fixed  # the same kernels in every run compared
# saves every 0.25 s, so that the kill lands after a save; batch 1, so that the sharded forwards
# round exactly as the unsharded ones (a forward's rounding depends on the batch it runs in)
export SPLITSCOPE_JAVA_OPTS=-Dsplitscope.analyze.saveSeconds=0.25
"$here/submit.sh" --input "$data" --out "$out" --shards $shards --throttle 2 --jar "$jar" --mem 1G \
  --time 00:15:00 --sbatch --cpus-per-task=1 -- --batch 1 | tee "$work/submit.txt"
array_id=$(sed -n 's/^array job \([0-9]*\).*/\1/p' "$work/submit.txt")
merge_id=$(sed -n 's/^merge job \([0-9]*\).*/\1/p' "$work/submit.txt")
[ -n "$array_id" ] && [ -n "$merge_id" ] || fail "submit.sh printed no job ids"
jobs_submitted=("$array_id" "$merge_id")

# the unsharded run meanwhile, one thread like the tasks
OMP_NUM_THREADS=1 java -jar "$jar" analyze --input "$data" --out "$work/whole" --batch 1 --device cpu \
  >"$work/whole.txt" 2>&1 &
whole_pid=$!

# task 2: wait until it has saved at least once and is not done, then requeue it
shard2=$out/shard-2
killed_at=''
for _ in $(seq 1200); do
  if [ -d "$shard2" ] && [ -n "$(find "$shard2" -mindepth 1 -maxdepth 1 ! -name .splitscope.lock -print -quit)" ]; then
    # progress from whichever saved JSON holds it (stats.json, or a state file of its own)
    done_now=$(/usr/bin/python3 -c '
import glob, json, os, sys
best = None
for f in glob.glob(os.path.join(sys.argv[1], "*.json")) + glob.glob(os.path.join(sys.argv[1], ".*.json")):
    try:
        j = json.load(open(f))
        p = (int(j["processed"]), int(j["inputs"]))
    except (OSError, ValueError, KeyError, TypeError):
        continue
    best = p if best is None or p[0] > best[0] else best
print("saving" if best is None else "%d/%d" % best)' "$shard2")
    if [ "$done_now" != saving ] && [ "${done_now%/*}" -ge $((images / shards / 4)) ] \
        && [ "${done_now%/*}" -lt "${done_now#*/}" ]; then
      scontrol requeue "${array_id}_2" || fail "scontrol requeue ${array_id}_2 refused"
      killed_at=$done_now
      break
    fi
    [ "$done_now" = saving ] || [ "${done_now%/*}" -lt "${done_now#*/}" ] \
      || fail "task 2 finished ($done_now images) before it could be killed mid-run; raise SELFTEST_IMAGES"
  fi
  sleep 0.05
done
[ -n "$killed_at" ] || fail "task 2 never saved within 60 s ($(squeue -h -j "$array_id" -o '%i %T %r' | tr '\n' ' '))"
say "killed task 2 mid-run (saved state: $killed_at images) and requeued it"
# Slurm holds a requeued job back for a while (its begin time, minutes here); a cluster waits, the
# test lets it start as soon as it is pending again
for _ in $(seq 600); do
  scontrol show job "${array_id}_2" | grep -q 'JobState=PENDING' && break
  sleep 0.1
done
say "task 2 pending again: $(scontrol show job "${array_id}_2" | grep -oE '(Reason|EligibleTime)=[^ ]*' | tr '\n' ' ')"
task2=$(squeue -h -j "${array_id}_2" -o %A)  # the task's own job id: BeginTime is updated per job
scontrol update JobId="$task2" StartTime=now || fail "cannot make requeued task 2 eligible now"

wait "$whole_pid" || fail "the unsharded run failed: $(tail -3 "$work/whole.txt")"
whole_pid=
say "unsharded run: $(tail -1 "$work/whole.txt")"

for _ in $(seq 3000); do
  [ -z "$(squeue -h -j "$array_id,$merge_id" 2>/dev/null)" ] && break
  sleep 0.1
done
[ -z "$(squeue -h -j "$array_id,$merge_id")" ] || fail "jobs still queued after 300 s: $(squeue -h -j "$array_id,$merge_id" -o '%i %T %r' | tr '\n' ' ')"
merge_state=$(scontrol show job "$merge_id" | grep -o 'JobState=[A-Z_]*' | head -1)
[ "$merge_state" = JobState=COMPLETED ] \
  || fail "merge job $merge_id: $merge_state; its log: $(tail -3 "$out"/slurm-merge-*.out 2>/dev/null)"
restarts=$(scontrol show job "${array_id}_2" | grep -o 'Restarts=[0-9]*' | head -1)
[ "$restarts" = Restarts=1 ] || fail "task 2 shows $restarts, not Restarts=1"
grep -q "restart 1" "$out/slurm-${array_id}_2.out" || fail "task 2's log does not show its second start"
# it continues from its last save: the one seen above or a later one made before the signal landed
resumed=$(grep -o 'resumed at image [0-9]*' "$out/slurm-${array_id}_2.out" || true)
at=${resumed##* }
[ -n "$at" ] && [ "$at" -ge "${killed_at%/*}" ] && [ "$at" -lt "${killed_at#*/}" ] \
  || fail "task 2 did not continue from its save (≥ ${killed_at%/*} images): $(tail -1 "$out/slurm-${array_id}_2.out")"
for i in 1 3; do
  [ "$(scontrol show job "${array_id}_$i" | grep -o 'JobState=[A-Z]*' | head -1)" = JobState=COMPLETED ] \
    || fail "task $i did not complete"
done
say "array tasks completed (task 2 after $restarts, $resumed); merge job: $(tail -1 "$out"/slurm-merge-*.out)"

/usr/bin/python3 - "$work/whole" "$out/merged" "$images" $shards <<'EOF' || fail "the merge differs from the unsharded run"
import json, sys
import numpy as np
whole, merged, images, shards = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
a, b = np.load(whole + "/stats.npz"), np.load(merged + "/stats.npz")
assert sorted(a.files) == sorted(b.files), "other arrays"
worst = 0.0
for k in a.files:
    x, y = a[k], b[k]
    assert x.shape == y.shape, k
    if x.size:
        worst = max(worst, float(np.max(np.abs(x - y) / np.maximum(1.0, np.abs(x)))))
j = json.load(open(merged + "/stats.json"))
c = j["coverage"]
assert c["complete"] and c["shards"] == list(range(1, shards + 1)) and not c["partial"], c
assert int(np.sum(b["counts"])) == images, "merged counts %d" % np.sum(b["counts"])
print("selftest: merged statistics vs unsharded run: %d arrays, largest relative difference %.3g (limit 1e-9); "
      "%d images, coverage shards %s of %d complete" % (len(a.files), worst, images, c["shards"], shards))
sys.exit(0 if worst <= 1e-9 else 1)
EOF
say "PASS"
