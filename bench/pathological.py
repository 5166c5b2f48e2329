#!/usr/bin/env python3
"""Times every known pathological markdown shape through `outcomes check` and `outcomes
build`, one outcome file each, and prints them slowest first. The budget: each is checked
and built, or refused with a located diagnostic, in under 1 s.

usage: pathological.py BINARY
"""
import os
import subprocess
import sys
import tempfile
import time

FRONT = "---\ntitle: Hazard\nowner: ana\npod: {ana: [builder, communicator], li: operator}\n---\n## Done when\n- [ ] 1 thing\n\n"

SHAPES = {
    "nested strong emph": lambda: "*a **a " * 65000 + "b" + " a** a*" * 65000,
    "emph closers without openers": lambda: "a_ " * 65000,
    "emph openers without closers": lambda: "_a " * 65000,
    "link closers without openers": lambda: "a]" * 65000,
    "link openers without closers": lambda: "[a" * 65000,
    "mismatched openers and closers": lambda: "*a_ " * 50000,
    "openers and closers multiple of 3": lambda: "a**b" + "c* " * 50000,
    "link openers and emph closers": lambda: "[ a_" * 50000,
    "[ (]( repeated": lambda: "[ (](" * 80000,
    "![[]() repeated": lambda: "![[]()" * 160000,
    "nested brackets": lambda: "[" * 50000 + "a" + "]" * 50000,
    "nested block quotes": lambda: "> " * 50000 + "a",
    "deeply indented lists": lambda: "".join("  " * i + "* a\n" for i in range(1000)),
    "backticks": lambda: "".join("e" + "`" * i for i in range(1, 5000)),
    "unclosed links <": lambda: "[a](<b" * 30000,
    "unclosed links": lambda: "[a](b" * 30000,
    "many references": lambda: "".join(f"[{i}]: u\n" for i in range(1, 80000)) + "[0] " * 5000,
    "table with short rows": lambda: "|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n" + "a\n" * 4000,
    "www.a_ repeated": lambda: "www.a_" * 20000,
    "quotes then emphasis": lambda: ">" * 40000 + "a*" * 40000,
    "nested list markers then blank lines": lambda: "- " * 6000 + "a" + "\n" * 24000,
    "ordered markers then blank lines": lambda: "1. " * 4000 + "a" + "\n" * 20000,
    "shallow nesting then blank lines": lambda: "- " * 100 + "a" + "\n" * 900000,
}


def timed(command):
    started = time.monotonic()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return time.monotonic() - started, result


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for name, make in SHAPES.items():
            root = os.path.join(work, name.replace(" ", "-").replace("/", "-"))
            os.makedirs(os.path.join(root, "outcomes"))
            with open(os.path.join(root, "outcomes", "hazard.md"), "w") as f:
                f.write(FRONT + make() + "\n")
            check, result = timed([binary, "check", root])
            refused = "markdown-too-complex" in result.stdout or "file-too-large" in result.stdout
            build, _ = timed([binary, "build", root, "--keep-going", "--no-history", "--output", os.path.join(root, "_site")])
            rows.append((max(check, build), name, check, build, "refused" if refused else "processed"))
    rows.sort(reverse=True)
    print(f"| {'shape':<40} | {'check s':>7} | {'build s':>7} | outcome   |")
    print(f"|{'-' * 42}|{'-' * 9}|{'-' * 9}|-----------|")
    for _, name, check, build, outcome in rows:
        print(f"| {name:<40} | {check:7.2f} | {build:7.2f} | {outcome:<9} |")
    slowest = rows[0]
    print(f"\nslowest: {slowest[1]} ({slowest[0]:.2f} s); budget 1 s: {'met' if slowest[0] < 1 else 'NOT met'}")
    sys.exit(0 if slowest[0] < 1 else 1)


if __name__ == "__main__":
    main()
