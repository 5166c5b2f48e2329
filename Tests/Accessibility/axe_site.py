#!/usr/bin/env python3
"""Runs axe-core over every page of a built site in headless Chromium.

usage: axe_site.py SITE_DIR [--pages GLOB ...] [--widths 1280,320]

Each page is checked in light and dark colour schemes at each width, against WCAG 2.2
A and AA and axe's best practices, and at 320 px for sideways scrolling (reflow). Prints one line per violation and exits 1 if there
is any, 0 when every page is clean. axe-core's script comes from the axe-playwright-python
package on PyPI; Chromium and chromedriver from Debian.
"""
import argparse
import glob
import json
import os
import sys

import axe_playwright_python
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

AXE = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def driver():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--pages", nargs="*", default=["**/*.html"])
    parser.add_argument("--widths", default="1280,320")
    args = parser.parse_args()
    site = os.path.abspath(args.site)
    pages = sorted({page for pattern in args.pages for page in glob.glob(os.path.join(site, pattern), recursive=True)})
    if not pages:
        sys.exit(f"axe_site: no pages under {site}")
    script = open(AXE, encoding="utf-8").read()
    browser = driver()
    # A dashboard of hundreds of outcomes takes axe longer than Selenium's 30 s default.
    browser.set_script_timeout(900)
    violations = 0
    checked = 0
    try:
        for width in (int(w) for w in args.widths.split(",")):
            browser.set_window_size(width, 900)
            for scheme in ("light", "dark"):
                browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                        {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
                for page in pages:
                    browser.get("file://" + page)
                    browser.execute_script(script)
                    result = browser.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        "axe.run(document, {runOnly: {type: 'tag', values: %s}}).then(r => done(r.violations));"
                        % json.dumps(TAGS))
                    checked += 1
                    for violation in result:
                        for node in violation["nodes"]:
                            violations += 1
                            target = " ".join(node["target"]) if isinstance(node["target"][0], str) else str(node["target"])
                            print(f"{os.path.relpath(page, site)} [{width}px {scheme}] {violation['impact']}: "
                                  f"{violation['id']}: {violation['help']} at {target}")
                    # WCAG 1.4.10 Reflow, which axe does not test: at 320 CSS pixels the page
                    # itself must not scroll sideways (wide tables and code scroll inside
                    # their own frames).
                    overflow = browser.execute_script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
                    if width <= 320 and overflow > 1:
                        violations += 1
                        print(f"{os.path.relpath(page, site)} [{width}px {scheme}] serious: reflow: "
                              f"the page scrolls sideways by {overflow}px")
    finally:
        browser.quit()
    print(f"axe-core: {violations} violation(s) in {checked} page views", file=sys.stderr)
    sys.exit(1 if violations else 0)


if __name__ == "__main__":
    main()
