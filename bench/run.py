#!/usr/bin/env python3
"""The benchmark behind `make bench`: outcomes against Hugo on the same synthetic ledger.

usage: run.py BINARY [--quick] [--runs N] [--scale] [--corpus DIR]

Generates the ledger with make_ledger.py (10,000 outcomes; 1,000 with --quick), gives
Hugo the same files with minimal layouts, and runs each command N times (default 3),
reporting the median wall time, CPU time and peak memory of each, and the ratios the
project targets. `serve` is timed from saving an outcome to its page being served, on
that ledger's git repository (with history) and on 700 long documents from
long_documents.py. --scale adds 100,000
outcomes. --corpus uses an existing ledger instead.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, "..", ".build-bench")


def measure(command, cwd=None):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run of `command`."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(command)} failed with status {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median(runs, before=None):
    """Median of each measure over runs of a callable that returns one measurement. Before
    each run, pending writes are flushed, so no run pays for the previous one's files."""
    results = []
    for _ in range(RUNS):
        if before:
            before()
        os.sync()
        results.append(runs())
    return tuple(statistics.median(values) for values in zip(*results))


def fresh_folders():
    """Output folders that have not existed before, one per call of next()."""
    count = 0
    while True:
        count += 1
        yield os.path.join(WORK, "fresh", f"{os.getpid()}-{count}")


def remove_fresh_folders():
    shutil.rmtree(os.path.join(WORK, "fresh"), ignore_errors=True)


def hugo_site(ledger, folder):
    """A Hugo project over the ledger's outcome files, with the smallest useful layouts."""
    if os.path.exists(os.path.join(folder, "config.toml")):
        return
    os.makedirs(os.path.join(folder, "layouts", "_default"), exist_ok=True)
    with open(os.path.join(folder, "config.toml"), "w") as f:
        f.write('baseURL = "http://example.com/"\ntitle = "Benchmark"\ndisableKinds = ["RSS", "sitemap"]\n')
    layouts = {
        "single.html": "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head>"
                       "<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>",
        "list.html": "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
                     "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>",
    }
    for name, text in layouts.items():
        with open(os.path.join(folder, "layouts", "_default", name), "w") as f:
            f.write(text)
    shutil.copytree(os.path.join(ledger, "outcomes"), os.path.join(folder, "content"))


def ledger(size):
    folder = os.path.join(WORK, f"ledger-{size}")
    if not os.path.exists(os.path.join(folder, "ledger.yml")):
        subprocess.run([sys.executable, os.path.join(HERE, "make_ledger.py"), folder, "--outcomes", str(size)], check=True)
    return folder


def history_repository(folder, size, commits=1000):
    """A git repository of the ledger with `commits` commits: the first adds every file, each
    later one edits one outcome, an hour apart, with fixed authors and dates. Written with
    one `git fast-import`, so making it takes seconds."""
    repository = os.path.join(WORK, f"repository-{size}")
    if os.path.exists(repository):
        return repository
    making = repository + ".making"
    shutil.rmtree(making, ignore_errors=True)
    subprocess.run(["git", "init", "--quiet", "--initial-branch=main", making], check=True)
    files = []
    for root, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            path = os.path.join(root, name)
            files.append((os.path.relpath(path, folder), open(path, "rb").read()))
    outcomes = [index for index, (path, _) in enumerate(files) if path.startswith("outcomes/")]
    stream = bytearray()

    def commit(number, changes):
        when = 1767225600 + number * 3600
        message = f"Change {number}\n".encode()
        stream.extend(f"commit refs/heads/main\nauthor Bench <bench@example.com> {when} +0000\n"
                      f"committer Bench <bench@example.com> {when} +0000\ndata {len(message)}\n".encode() + message)
        for path, data in changes:
            stream.extend(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

    commit(1, files)
    for number in range(2, commits + 1):
        index = outcomes[(number * 7919) % len(outcomes)]
        path, data = files[index]
        data = data + f"\nProgress note {number}.\n".encode()
        if number % 3 == 0:
            data = data.replace(b"status: proposed", b"status: active", 1)
        files[index] = (path, data)
        commit(number, [(path, data)])
    subprocess.run(["git", "fast-import", "--quiet"], input=bytes(stream), cwd=making, check=True)
    subprocess.run(["git", "checkout", "--quiet", "main"], cwd=making, check=True)
    os.rename(making, repository)
    return repository


def some_outcome(folder):
    for root, _, files in sorted(os.walk(os.path.join(folder, "outcomes"))):
        for name in sorted(files):
            if name.endswith(".md"):
                return os.path.join(root, name)


def process_cpu_seconds(pid):
    """User and system CPU time a running process has used, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_peak_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0


def serve_save_to_page(binary, folder, edits=12, history=True):
    """`outcomes serve` as an author uses it: save an outcome, then time until its page is
    served again — waiting on the server as the live-reload script does, then fetching the
    page. Median over `edits` saves, each after the server has settled; CPU is per save."""
    import urllib.request
    server = subprocess.Popen([binary, "serve", folder, "--port", "0"] + ([] if history else ["--no-history"]),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    target = some_outcome(folder)
    original = open(target).read()
    try:
        address = server.stdout.readline().split(" at ")[1].split()[0]
        page = address + "outcomes/" + os.path.basename(target)[:-3] + "/index.html"
        def get(url):
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.read().decode()
        version = get(address + "__outcomes/version")
        get(page)
        waits = []
        cpu = process_cpu_seconds(server.pid)
        for edit in range(edits):
            time.sleep(0.3)
            with open(target, "a") as f:
                f.write(f"\nEdited at {time.monotonic()}.\n")
            started = time.monotonic()
            version = get(address + "__outcomes/version?after=" + version)
            if f"Edited at" not in get(page):
                sys.exit(f"bench: serve did not show the edit to {target}")
            waits.append(time.monotonic() - started)
        cpu = (process_cpu_seconds(server.pid) - cpu) / edits
        return statistics.median(waits), cpu, process_peak_mib(server.pid)
    finally:
        with open(target, "w") as f:
            f.write(original)
        server.send_signal(2)
        server.wait(timeout=30)


def bench(binary, folder, size):
    site = os.path.join(WORK, f"site-{size}")
    hugo = os.path.join(WORK, f"hugo-{size}")
    hugo_site(folder, hugo)
    rows = {}
    rows["outcomes check"] = median(lambda: measure([binary, "check", folder]))
    # Clean builds write into folders never used before, and old output is deleted only
    # after all runs: ext4 searches longer for free inodes right after mass deletions,
    # which would charge one run for the clean-up of the one before.
    fresh = fresh_folders()
    rows["outcomes build"] = median(lambda: measure([binary, "build", folder, "--output", next(fresh)]))
    rows["hugo build"] = median(lambda: measure(["hugo", "--quiet", "--source", hugo, "--destination", next(fresh)]))
    remove_fresh_folders()
    shutil.rmtree(site, ignore_errors=True)
    measure([binary, "build", folder, "--output", site])
    rows["outcomes rebuild, nothing changed"] = median(lambda: measure([binary, "build", folder, "--output", site]))
    target = some_outcome(folder)
    original = open(target).read()

    def change():
        with open(target, "a") as f:
            f.write(f"\nEdited at {time.monotonic()}.\n")
    try:
        # The first rebuild over a site keeps the site it replaces for the next one to
        # reuse; measure the steady state of repeated builds, after that first one.
        change()
        measure([binary, "build", folder, "--output", site])
        rows["outcomes rebuild, one file changed"] = median(lambda: measure([binary, "build", folder, "--output", site]),
                                                           before=change)
    finally:
        with open(target, "w") as f:
            f.write(original)
    repository = history_repository(folder, size)
    # In the repository, as authors use it: pages show the history of 1,000 commits.
    rows["outcomes serve, save → page"] = serve_save_to_page(binary, repository)
    fresh = fresh_folders()
    rows["outcomes build, git, --no-history"] = median(
        lambda: measure([binary, "build", repository, "--no-history", "--output", next(fresh)]))
    rows["outcomes build, git, 1,000 commits"] = median(lambda: measure([binary, "build", repository, "--output", next(fresh)]))
    # As with clean builds, the sites just written are deleted only after the last
    # measurement, so ext4's clean-up after a mass deletion is charged to nothing.
    rows["outcomes diff, first vs last commit"] = median(
        lambda: measure([binary, "diff", "main~999", "main", "--root", repository]))
    remove_fresh_folders()
    return rows


def print_table(rows, size):
    print(f"\n{size:,} outcomes, median of {RUNS} runs, {platform.machine()} with {os.cpu_count()} cores\n")
    print(f"| {'what':<36} | {'wall s':>7} | {'CPU s':>7} | {'peak MiB':>8} |")
    print(f"|{'-' * 38}|{'-' * 9}|{'-' * 9}|{'-' * 10}|")
    for name, (wall, cpu, rss) in rows.items():
        print(f"| {name:<36} | {wall:7.2f} | {cpu:7.2f} | {rss:8.0f} |")


def main():
    global RUNS
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus")
    args = parser.parse_args()
    RUNS = args.runs
    os.makedirs(WORK, exist_ok=True)
    size = 1000 if args.quick else 10000
    folder = args.corpus or ledger(size)
    rows = bench(os.path.abspath(args.binary), folder, size)

    print_table(rows, size)
    long_documents = os.path.join(WORK, "long-documents-700")
    shutil.rmtree(long_documents, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(HERE, "long_documents.py"), long_documents, "--outcomes", "700"], check=True)
    serve_long = serve_save_to_page(os.path.abspath(args.binary), long_documents, history=False)
    print("\n700 long documents (about 40 KB each, bench/long_documents.py), median of 12 saves\n")
    print(f"| {'what':<36} | {'wall s':>7} | {'CPU s':>7} | {'peak MiB':>8} |")
    print(f"|{'-' * 38}|{'-' * 9}|{'-' * 9}|{'-' * 10}|")
    print(f"| {'outcomes serve, save → page':<36} | {serve_long[0]:7.2f} | {serve_long[1]:7.2f} | {serve_long[2]:8.0f} |")
    hugo = rows["hugo build"][0]
    targets = [
        ("build wall ≤ 0.25 × Hugo", rows["outcomes build"][0] / hugo, 0.25, "×"),
        ("build peak RSS ≤ 200 MiB", rows["outcomes build"][2], 200, "MiB"),
        ("check wall ≤ 0.15 × Hugo", rows["outcomes check"][0] / hugo, 0.15, "×"),
        ("rebuild, nothing changed ≤ 0.05 × Hugo", rows["outcomes rebuild, nothing changed"][0] / hugo, 0.05, "×"),
        ("rebuild, one file changed ≤ 0.10 × Hugo", rows["outcomes rebuild, one file changed"][0] / hugo, 0.10, "×"),
        ("serve, save → page ≤ 0.10 × Hugo", rows["outcomes serve, save → page"][0] / hugo, 0.10, "×"),
        ("serve, save → page, long documents ≤ 0.1 s", serve_long[0], 0.1, "s"),
        ("history adds ≤ 2 s to a build", rows["outcomes build, git, 1,000 commits"][0]
         - rows["outcomes build, git, --no-history"][0], 2, "s"),
        ("diff of two revisions ≤ 1.5 s", rows["outcomes diff, first vs last commit"][0], 1.5, "s"),
    ]
    if args.scale:
        big = bench(os.path.abspath(args.binary), ledger(100000), 100000)
        print_table(big, 100000)
        targets += [
            ("100k build ≤ 11 × 10k build", big["outcomes build"][0] / rows["outcomes build"][0], 11, "×"),
            ("100k build peak RSS ≤ 1 GiB", big["outcomes build"][2], 1024, "MiB"),
        ]
    print(f"\n| {'target':<42} | {'measured':>10} | met |")
    print(f"|{'-' * 44}|{'-' * 12}|-----|")
    for name, value, limit, unit in targets:
        print(f"| {name:<42} | {value:8.2f} {unit:<1} | {'yes' if value <= limit else 'no':>3} |")


if __name__ == "__main__":
    main()
