#!/usr/bin/env python3
"""Writes a deterministic ledger of long outcome documents, for timing `serve` on them.

usage: long_documents.py OUT_DIR [--outcomes N] [--seed S]

Real ledgers grow documents the size of design proposals: tens of kilobytes each, with a
table of contents linking to dozens of headings, nested lists, tables, code blocks,
quotes, pictures and links to other outcomes. Each outcome here is about 35 KB of that
(700 of them are about 24 MB, the size of a large team's proposals), and every one is
valid, so the timing is of compiling and serving, not of printing diagnostics.
"""
import argparse
import os
import random

LENSES = ("builder", "operator", "communicator")
AREAS = ("storage", "network", "scheduling", "billing", "identity", "search", "mobile")
TOPICS = ("Retries", "Quotas", "Rollout plan", "Failure modes", "Migration", "Metrics", "Alternatives",
          "Security review", "Open questions", "Graduation criteria", "Upgrade & downgrade", "Risks (and mitigations)")
WORDS = ("the pod measures each stage of the rollout against the baseline and stops when error "
         "budgets burn faster than planned while operators watch the dashboards and the owner "
         "writes down what was learned so the next change starts from evidence").split()


def anchor(heading):
    """GitHub's heading id: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def sentence(rng, words=24):
    chosen = [rng.choice(WORDS) for _ in range(words)]
    chosen[2] = f"**{chosen[2]}**"
    chosen[-3] = f"`{chosen[-3]}`"
    chosen[-1] = f"_{chosen[-1]}_"
    return " ".join(chosen).capitalize() + "."


def section(rng, title, level, others):
    lines = [f"{'#' * level} {title}", ""]
    for _ in range(rng.randint(1, 3)):
        lines += [" ".join(sentence(rng, rng.randint(18, 40)) for _ in range(rng.randint(2, 5))), ""]
    kind = rng.randrange(6)
    if kind == 0:
        lines += [f"- {sentence(rng, 12)}" for _ in range(rng.randint(3, 7))]
        lines += [f"  - {sentence(rng, 8)}" for _ in range(2)] + [""]
    elif kind == 1:
        lines += ["| stage | traffic | error budget | owner |", "|---|---:|---:|---|"]
        lines += [f"| {n} | {rng.randint(1, 100)} % | {rng.randint(1, 50)} min | {rng.choice(WORDS)} |" for n in range(1, 9)]
        lines += [""]
    elif kind == 2:
        lines += ["```yaml", "rollout:"] + [f"  stage{n}: {{traffic: {n * 10}, wait: {n}h}}" for n in range(1, 8)] + ["```", ""]
    elif kind == 3:
        lines += [f"> {sentence(rng, 30)}", ">", f"> {sentence(rng, 20)}", ""]
    elif kind == 4:
        lines += [f"![Diagram of {title.lower()}](../_pictures/diagram.svg)", ""]
    else:
        target = rng.choice(others)
        lines += [f"See [the related outcome](../{target[0]}/{target[1]}.md) and "
                  f"[its approach](../{target[0]}/{target[1]}.md#how).", ""]
    return lines


def document(rng, index, title, people, others):
    # Three people, each in three pods: nobody is spread too thin.
    members = [people[(3 * index + n) % len(people)] for n in range(3)]
    pod = {member: [lens] for member, lens in zip(members, LENSES)}
    front = ["---", f"title: {title}", f"owner: {members[0]}", "pod:"]
    front += [f"  {member}: [{', '.join(lenses)}]" for member, lenses in pod.items()]
    front += ["status: active", f"due: 2027-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "---"]
    headings = []
    body = []
    for topic in rng.sample(TOPICS, 8):
        headings.append((2, topic))
        body += section(rng, topic, 2, others)
        for n in range(rng.randint(1, 3)):
            sub = f"{topic}: part {n + 1}"
            headings.append((3, sub))
            body += section(rng, sub, 3, others)
    toc = ["## Contents", ""] + [f"{'  ' * (level - 2)}- [{text}](#{anchor(text)})" for level, text in headings] + [""]
    done = ["## Done when", ""] + [
        f"- [{'x' if n == 0 else ' '}] Error rate of stage {n + 1} stays under {rng.randint(1, 5)} % for 30 days by 2027-06-30"
        for n in range(3)] + [""]
    how = ["## How", "", sentence(rng, 40), ""]
    return "\n".join(front + [f"# {title}", "", sentence(rng, 30), ""] + toc + done + how + body) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--outcomes", type=int, default=700)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    people = [f"p{n:04d}" for n in range(max(3, args.outcomes))]
    names = [(AREAS[n % len(AREAS)], f"proposal-{n:04d}") for n in range(args.outcomes)]
    os.makedirs(os.path.join(args.out, "outcomes", "_pictures"), exist_ok=True)
    with open(os.path.join(args.out, "ledger.yml"), "w") as f:
        f.write("title: Long documents\n")
    with open(os.path.join(args.out, "outcomes", "_pictures", "diagram.svg"), "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>\n')
    for index, (area, name) in enumerate(names):
        os.makedirs(os.path.join(args.out, "outcomes", area), exist_ok=True)
        title = f"Proposal {index}, {rng.choice(TOPICS).lower()} for {area}"
        others = [other for other in rng.sample(names, 6) if other != (area, name)]
        with open(os.path.join(args.out, "outcomes", area, f"{name}.md"), "w") as f:
            f.write(document(rng, index, title, people, others))


if __name__ == "__main__":
    main()
