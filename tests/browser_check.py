#!/usr/bin/env python3
"""Opens actorgraph's HTML view in headless Chromium and checks what a reader sees.

Usage: browser_check.py HTML --nodes N [--edge A B --evidence DOC ... --attr ID:NAME=VALUE ...]
                        [--search TEXT --finds ID] [--screenshot PNG]

Chromium loads file://HTML#select=edge:A|B (the page clicks the middle of that link on its canvas
once the layout has settled, through the same hit test as a mouse click), runs it in virtual time,
and dumps the DOM. The check fails (exit 1, one line per problem) when: the page recorded any
script error or console.error (data-errors), Chromium logged an uncaught error or a console error,
the page never became ready, the canvas drew another number of nodes than N, the details panel
does not show the edge, or it lacks an evidence document id given with --evidence, or an element
lacks an attribute value given with --attr (checked on the edge selection's page). With --search it
loads file://HTML#search=TEXT and expects the result list to offer node ID. With --node it clicks
that node and expects its panel to list the --partners and some evidence. With --screenshot it
also saves a screenshot of the edge selection. Prints `layout_ms draw_ms` of the page on success.
Exit 2 when Chromium is missing or fails to run."""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


def chromium():
    for name in CHROMIUM:
        path = shutil.which(name)
        if path:
            return path
    print("browser_check: chromium not found (Debian: apt-get install chromium)")
    sys.exit(2)


def run(browser, profile, url, extra):
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}",
           "--enable-logging=stderr", "--v=0", "--virtual-time-budget=60000",
           "--window-size=1400,860"] + extra + [url]
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=180)
    except subprocess.TimeoutExpired:
        print(f"browser_check: chromium timed out on {url}")
        sys.exit(2)
    if r.returncode != 0:
        print(f"browser_check: chromium exited {r.returncode}: {r.stderr.decode(errors='replace')[-2000:]}")
        sys.exit(2)
    return r.stdout.decode("utf-8", errors="replace"), r.stderr.decode("utf-8", errors="replace")


def console_errors(log):
    """Console and uncaught-exception lines from Chromium's log (other ERROR lines are about D-Bus,
    GPU and the like, not the page)."""
    bad = []
    for line in log.splitlines():
        if "CONSOLE" in line and (":ERROR:" in line or "Uncaught" in line or "Error" in line):
            bad.append(line.strip())
    return bad


def attr(dom, element_id, name):
    m = re.search(r'<[a-z]+ [^>]*id="%s"[^>]*>' % re.escape(element_id), dom)
    if not m:
        return None
    a = re.search(r'\b%s="([^"]*)"' % re.escape(name), m.group(0))
    return html.unescape(a.group(1)) if a else None


def root_attr(dom, name):
    m = re.search(r"<html[^>]*>", dom)
    a = re.search(r'\b%s="([^"]*)"' % re.escape(name), m.group(0)) if m else None
    return html.unescape(a.group(1)) if a else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("html")
    ap.add_argument("--nodes", type=int, required=True)
    ap.add_argument("--edge", nargs=2, metavar=("A", "B"))
    ap.add_argument("--evidence", action="append", default=[])
    ap.add_argument("--node", help="click this node (#select=node:ID) and check its panel")
    ap.add_argument("--partners", default="", help="comma-separated ids the node's panel must list")
    ap.add_argument("--search")
    ap.add_argument("--finds")
    ap.add_argument("--screenshot")
    ap.add_argument("--attr", action="append", default=[], metavar="ID:NAME=VALUE",
                    help="expect attribute NAME=VALUE on the element with id ID (body: the body)")
    args = ap.parse_args()

    browser = chromium()
    page = "file://" + urllib.parse.quote(os.path.abspath(args.html))
    problems = []
    with tempfile.TemporaryDirectory(prefix="actorgraph-chromium-") as profile:
        def load(fragment, extra=()):
            dom, log = run(browser, profile, page + "#" + fragment, list(extra) + ["--dump-dom"])
            for line in console_errors(log):
                problems.append(f"console: {line}")
            errors = root_attr(dom, "data-errors")
            if errors:
                problems.append(f"page error ({fragment}): {errors}")
            if not re.search(r'<body[^>]*data-ready="true"', dom):
                problems.append(f"page never became ready ({fragment})")
            drawn = attr(dom, "network", "data-drawn-nodes")
            if drawn != str(args.nodes):
                problems.append(f"canvas drew {drawn} nodes, expected {args.nodes} ({fragment})")
            return dom

        timing = ""
        if args.edge:
            a, b = sorted(args.edge)
            fragment = "select=" + urllib.parse.quote(f"edge:{a}|{b}")
            dom = load(fragment)
            selected = attr(dom, "details", "data-selected")
            if selected != f"edge:{a}|{b}":
                problems.append(f"the click selected {selected!r}, not edge {a}|{b}")
            details = dom[dom.find('id="details"'):]
            for doc in args.evidence:
                if f'<span class="doc">{html.escape(doc, quote=False)}</span>' not in details:
                    problems.append(f"the details panel shows no evidence from document {doc!r}")
            for spec in args.attr:
                where, _, pair = spec.partition(":")
                name, _, value = pair.partition("=")
                if where == "body":
                    tag = re.search(r"<body[^>]*>", dom)
                    got = re.search(r'\b%s="([^"]*)"' % re.escape(name), tag.group(0)) if tag else None
                    got = html.unescape(got.group(1)) if got else None
                else:
                    got = attr(dom, where, name)
                if got != value:
                    problems.append(f"{where} has {name}={got!r}, expected {value!r}")
            body = re.search(r"<body[^>]*>", dom)
            layout = re.search(r'data-layout-ms="([^"]*)"', body.group(0)) if body else None
            draw = attr(dom, "network", "data-draw-ms")
            timing = f"layout_ms {layout.group(1) if layout else '?'} draw_ms {draw}"
            if args.screenshot:
                run(browser, profile, page + "#" + fragment, [f"--screenshot={args.screenshot}"])
                if not os.path.exists(args.screenshot) or os.path.getsize(args.screenshot) < 10000:
                    problems.append(f"no screenshot written to {args.screenshot}")
        if args.node:
            dom = load("select=" + urllib.parse.quote(f"node:{args.node}"))
            selected = attr(dom, "details", "data-selected")
            if selected != f"node:{args.node}":
                problems.append(f"the click selected {selected!r}, not node {args.node}")
            details = dom[dom.find('id="details"'):]
            listed = [html.unescape(p) for p in re.findall(r'<tr class="partner" data-id="([^"]*)"', details)]
            for p in filter(None, args.partners.split(",")):
                if p not in listed:
                    problems.append(f"node {args.node}: partner {p!r} not listed (listed: {listed})")
            if '<ol class="evidence"><li>' not in details:
                problems.append(f"node {args.node}: no evidence listed")
        if args.search:
            dom = load("search=" + urllib.parse.quote(args.search))
            results = re.search(r'<ul id="results">(.*?)</ul>', dom, re.S)
            found = re.findall(r'data-id="([^"]*)"', results.group(1)) if results else []
            if args.finds and args.finds not in [html.unescape(f) for f in found]:
                problems.append(f"search {args.search!r} offered {found}, not {args.finds!r}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"ok {timing}".strip())


if __name__ == "__main__":
    main()
