#!/usr/bin/env python3
"""Summarise an async-profiler CPU profile (collapsed stacks, `threads` option) of a sequela run.

Usage: python3 bench/profile-summary.py <profile.collapsed> [--requests N] [--top K]

Prints, as Markdown tables:
  1. CPU per thread group (thread names with their numbers folded), ms, share of the process, µs per request;
  2. where the request path's CPU goes, by category (the first marker found on the stack, CATEGORIES);
  3. for the request path's threads (the JDBC workers `sequela-jdbc ...` or the users' own threads `sequela-user N`,
     Gatling's event loops `gatling-N-N` and
     its actor pool `pool-N-thread-N`): the top frames by self time (the leaf; kernel frames end in _[k]) and by
     total time (the frame anywhere on the stack, counted once per stack), as shares of those threads' CPU.
Shares of the client's own CPU stay meaningful on a loaded machine; absolute ms do not.
"""
import argparse
import collections
import re

REQUEST_PATH = re.compile(r"^(sequela-jdbc|sequela-user|gatling-N-N|pool-N-thread-N)")
# what a request's CPU goes to: the first category whose marker is on the stack (in this order)
CATEGORIES = [
    ("JDBC execute (driver, socket I/O, waiting in poll)", "PgPreparedStatement.executeUpdate"),
    ("binding (setObject, PY_DATE from the clock)", "JobExecutionInsert.lambda"),
    ("run record (RequestRecord.write)", "RequestRecord.write"),
    ("latency histogram (Recorder)", "LatencyRecorder$Channel.recordNanos"),
    ("Gatling logResponse on the request's thread (message to its DataWriter actors)", "StatsEngine.logResponse"),
    ("Gatling's DataWriter actors (their pool: run, park, wake)", "pool-N-thread-N"),
    ("hand-over to Gatling's event loop (eventfd wake-up)", "SingleThreadEventExecutor.execute"),
    ("Gatling's event loop (epoll wait and wake, its tasks)", "gatling-N-N"),
    ("Gatling's actions (loop, stop check, groups)", "io/gatling/core/action/"),
    ("hand-over to the JDBC worker (queue, park, unpark)", "java/util/concurrent/LinkedBlockingQueue"),
    ("the user's event loop (its queue, idle)", "io/netty/util/concurrent/SingleThreadEventExecutor.takeTask"),
]
# frames too generic to say anything in the total list
GENERIC = re.compile(r"^(java/lang/Thread\.run|java/util/concurrent/ThreadPoolExecutor|io/netty/util/concurrent/"
                     r"(SingleThreadEventExecutor|FastThreadLocalRunnable)|io/netty/util/internal/ThreadExecutorMap|"
                     r"io/netty/channel/(nio|epoll)/.*EventLoop\.run|\[)")


def group(thread):
    name = re.sub(r" tid=\d+\]$", "", thread.lstrip("["))
    name = re.sub(r"\d+", "N", name)
    return name


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("profile")
    ap.add_argument("--requests", type=int, default=0, help="requests in the run, for µs per request")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--drop-leaf", default="", help="leave out stacks whose leaf matches this regex, e.g. pvm_irq_enable "
                    "(on a paravirtualised VM the samples where the kernel re-enables interrupts after a switch hold "
                    "the time the vCPU was away: steal on a loaded host)")
    a = ap.parse_args()
    per_group = collections.Counter()
    self_ = collections.Counter()
    category = collections.Counter()
    total = collections.Counter()
    path_samples = 0
    all_samples = 0
    with open(a.profile, encoding="utf-8") as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            n = int(n)
            frames = stack.split(";")
            if a.drop_leaf and re.search(a.drop_leaf, frames[-1]):
                continue
            g = group(frames[0])
            per_group[g] += n
            all_samples += n
            if not REQUEST_PATH.match(g):
                continue
            path_samples += n
            frames = [re.sub(r"_\[j\]$|_\[i\]$", "", fr) for fr in frames[1:]]
            if frames:
                self_[frames[-1]] += n
            for name, marker in CATEGORIES:
                if marker == g or (not marker.endswith("-N") and any(marker in fr for fr in frames)):
                    category[name] += n
                    break
            else:
                category["other"] += n
            for fr in set(frames):
                if not GENERIC.match(fr):
                    total[fr] += n
    per_req = (lambda ms: f" | {ms * 1000 / a.requests:.1f}") if a.requests else (lambda ms: "")
    print(f"process CPU: {all_samples} samples (1 sample = 1 ms at interval=1ms)\n")
    print("| thread group | ms | share of process |" + (" µs per request |" if a.requests else ""))
    print("|---|---|---|" + ("---|" if a.requests else ""))
    for g, n in per_group.most_common(12):
        print(f"| {g} | {n} | {100 * n / all_samples:.1f} %{per_req(n)} |")
    print(f"\nrequest path threads: {path_samples} ms, {100 * path_samples / max(all_samples, 1):.1f} % of the process"
          + (f", {path_samples * 1000 / a.requests:.1f} µs per request" if a.requests else "") + "\n")
    print("| where it goes | share of request path |" + (" µs per request |" if a.requests else ""))
    print("|---|---|" + ("---|" if a.requests else ""))
    for name, n in category.most_common():
        print(f"| {name} | {100 * n / path_samples:.1f} %{per_req(n)} |")
    print()
    print("| self (leaf frame) | share of request path |")
    print("|---|---|")
    for fr, n in self_.most_common(a.top):
        print(f"| `{fr}` | {100 * n / path_samples:.1f} % |")
    print("\n| total (frame on the stack) | share of request path |")
    print("|---|---|")
    for fr, n in total.most_common(a.top * 2):
        print(f"| `{fr}` | {100 * n / path_samples:.1f} % |")


if __name__ == "__main__":
    main()
