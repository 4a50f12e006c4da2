#!/usr/bin/env bash
# -j's default, and -j 0's (as xz -T0): one worker per CPU pith may run on
# (its affinity: taskset, a container's or a cluster job's share), not every
# CPU of the machine.
# Counted as the threads of a pith waiting on a named pipe: one worker
# means no thread but the main one.
. "$(dirname "$0")/lib.sh"

# threads_of PREFIX... [-- PITH-ARGS...]: pith's thread count while it waits
# for its input, run under PREFIX (a command: env, taskset -c 0).
threads_of() {
  local prefix=() args=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do prefix+=("$1"); shift; done
  [ $# -gt 0 ] && shift && args=("$@")
  rm -f in.warc
  mkfifo in.warc
  "${prefix[@]}" "$pith" "${args[@]}" --no-site-dedup -f json in.warc >/dev/null 2>&1 &
  local pid=$! n
  exec 3>in.warc # pith's open returns: its workers are running
  sleep 0.3
  n=$(ls /proc/$pid/task | wc -l)
  exec 3>&-
  wait $pid
  echo "$n"
}

if ! command -v taskset >/dev/null || [ "$(nproc --all)" -lt 2 ]; then
  echo "skipped: needs taskset and two CPUs"
  exit 0
fi
all=$(nproc)
: >"$tmp/.out"
: >"$tmp/.err"
rc=0
check "default: a worker per CPU ($all) and the main thread" is "$(threads_of env)" $((all + 1))
check "taskset -c 0: one worker, no thread" is "$(threads_of taskset -c 0)" 1
check "-j 0: as the default" is "$(threads_of env -- -j 0)" $((all + 1))
check "taskset -c 0 -j 0: one worker, no thread" is "$(threads_of taskset -c 0 -- -j 0)" 1
check "-j 2: two workers" is "$(threads_of env -- -j 2)" 3

finish
