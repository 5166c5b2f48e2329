#!/usr/bin/env python3
"""Writes a deterministic synthetic outcome ledger for the benchmark.

usage: make_ledger.py OUT_DIR [--outcomes N] [--seed S]

The ledger has ledger.yml, people.yml (one person per two outcomes) and
outcomes/<group>/<id>.md in groups of 100. Every outcome is valid: a pod of two to four
people covering the three lenses, a measurable done list, a How section, a parent in its
group and a dependency on an earlier outcome, so the benchmark times compiling and
publishing, not printing diagnostics.
"""
import argparse
import os
import random

LENSES = ("builder", "operator", "communicator")
RESULTS = ("Listeners return", "Artists publish", "Revenue covers", "Tickets close",
           "Sign-ups finish", "Payouts arrive", "Playlists get saved", "Labels sign")
QUALIFIERS = ("every week", "within 30 days", "on the first try", "in three markets",
              "without support", "before the holidays", "at half the cost")
WORDS = ("the pod tries one change a week and keeps what moves the number; results go "
         "into the table below and the owner writes down why each change stayed or went").split()


def body(rng, index):
    done = [f"- [{'x' if n and rng.random() < 0.3 else ' '}] {rng.choice(RESULTS)} for {rng.randint(10, 90)} % "
            f"of cohort {index % 12 + 1} by 2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            for n in range(rng.randint(2, 5))]
    paragraphs = []
    for _ in range(rng.randint(2, 4)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 80))]
        words[3] = f"**{words[3]}**"
        words[11] = f"`{words[11]}`"
        paragraphs.append(" ".join(words).capitalize() + ".")
    table = "| week | change | result |\n|---|---|---|\n" + "".join(
        f"| {w} | change {w} | {rng.randint(1, 40)} % |\n" for w in range(1, rng.randint(3, 6)))
    return "## Done when\n" + "\n".join(done) + "\n\n## How\n" + "\n\n".join(paragraphs) + "\n\n" + table


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--outcomes", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    people = [f"p{n:05d}" for n in range(max(4, args.outcomes // 2))]
    os.makedirs(os.path.join(args.out, "outcomes"), exist_ok=True)
    with open(os.path.join(args.out, "ledger.yml"), "w") as f:
        f.write("title: Benchmark ledger\nmax_pods_per_person: 1000\n")
    with open(os.path.join(args.out, "people.yml"), "w") as f:
        for handle in people:
            f.write(f"{handle}: {{name: Person {handle[1:]}}}\n")
    for index in range(args.outcomes):
        group = index // 100
        members = rng.sample(people, rng.randint(2, 4))
        lenses = {m: [] for m in members}
        for n, lens in enumerate(LENSES):
            lenses[members[n % len(members)]].append(lens)
        for m in members:
            if not lenses[m]:
                lenses[m].append(rng.choice(LENSES))
        pod = "\n".join(f"  {m}: [{', '.join(l)}]" for m, l in lenses.items())
        status = rng.choice(("proposed", "active", "active", "achieved", "dropped"))
        lines = [f"title: {rng.choice(RESULTS)} {rng.choice(QUALIFIERS)} ({index})", f"owner: {members[0]}",
                 f"pod:\n{pod}", f"status: {status}"]
        if index % 100:
            lines.append(f"parent: o{group * 100:06d}")
        if index % 100 > 1:
            lines.append(f"depends_on: [o{index - 1:06d}]")
        lines.append(f"review_by: 2099-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        lines.append(f"tags: [group-{group % 20}]")
        text = "---\n" + "\n".join(lines) + "\n---\n" + body(rng, index)
        if status == "achieved":
            text = text.replace("- [ ]", "- [x]")
        folder = os.path.join(args.out, "outcomes", f"group-{group:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"o{index:06d}.md"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
