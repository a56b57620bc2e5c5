#!/usr/bin/env python3
"""Reads an actorgraph export with real readers and compares it with the expected summary written by
the C++ test. Usage: interop_check.py FORMAT PATH EXPECTED_JSON.

FORMAT: graphml (networkx and igraph), gexf (networkx when it reads GEXF 1.3, i.e. networkx >= 3;
otherwise graphology, so the suite passes on plain Debian 12 whose python3-networkx is 2.8), json
(networkx node_link_graph), or graphology-gexf / graphology-graphml (Gephi Lite's and sigma.js's
readers, from tests/js/node_modules, installed by `scripts/setup.sh test`).
Exit 0 when everything matches; 1 with one line per mismatch; 2 when a reader fails or is missing."""
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def fail(problems):
    for p in problems:
        print(p)
    sys.exit(1)


def compare(fmt, nodes, edges, expected, problems, reader):
    """nodes: {id: attrs}; edges: {(s, t): attrs} with s < t."""
    if len(nodes) != expected["nodes"]:
        problems.append(f"{reader}: {len(nodes)} nodes, expected {expected['nodes']}")
    if len(edges) != expected["edges"]:
        problems.append(f"{reader}: {len(edges)} edges, expected {expected['edges']}")
    for node_id, want in expected["node"].items():
        got = nodes.get(node_id)
        if got is None:
            problems.append(f"{reader}: node {node_id!r} missing")
            continue
        for key in ("label", "label_en", "type"):
            if got.get(key) != want[key]:
                problems.append(f"{reader}: node {node_id!r} {key} {got.get(key)!r} != {want[key]!r}")
        if int(got.get("mentions", -1)) != want["mentions"]:
            problems.append(f"{reader}: node {node_id!r} mentions {got.get('mentions')!r}")
    for want in expected["edge"]:
        key = (want["source"], want["target"])
        got = edges.get(key)
        if got is None:
            problems.append(f"{reader}: edge {key} missing")
            continue
        w = float(got.get("weight", math.nan))
        if w != want["weight"]:
            problems.append(f"{reader}: edge {key} weight {w!r} != {want['weight']!r}")
        if int(got.get("cooc_count", -1)) != want["cooc_count"]:
            problems.append(f"{reader}: edge {key} cooc_count {got.get('cooc_count')!r}")
        evidence = got.get("evidence")
        if isinstance(evidence, str):
            evidence = json.loads(evidence)
        if evidence is None or len(evidence) != want["evidence"]:
            problems.append(f"{reader}: edge {key} evidence {evidence!r}")


def graphology_available():
    return os.path.isdir(os.path.join(HERE, "js", "node_modules", "graphology"))


def from_graphology(fmt, path, problems):
    """Reads the file with graphology-gexf or graphology-graphml (tests/js/read_graph.cjs)."""
    if not graphology_available():
        print("graphology is not installed in tests/js/node_modules: run scripts/setup.sh test")
        sys.exit(2)
    r = subprocess.run(["node", os.path.join(HERE, "js", "read_graph.cjs"), fmt, path],
                       capture_output=True, text=True, encoding="utf-8")
    if r.returncode != 0:
        print(r.stdout + r.stderr)
        sys.exit(2)
    data = json.loads(r.stdout)
    if data["directed"] or data["multi"]:
        problems.append("graphology: graph is directed or a multigraph")
    edges = {}
    for s, t, attrs in data["edges"]:
        s, t = sorted((s, t))
        edges[(s, t)] = attrs
    nodes = data["nodes"]
    # What Gephi Lite draws with: colours on every node (GEXF viz:color), and positions either on
    # every node or on none, as finite numbers.
    if fmt == "gexf":
        for node_id, attrs in nodes.items():
            if not str(attrs.get("color", "")).startswith("rgb"):
                problems.append(f"graphology: node {node_id!r} has no viz:color ({attrs.get('color')!r})")
    placed = [n for n, a in nodes.items() if "x" in a or "y" in a]
    if placed and len(placed) != len(nodes):
        problems.append(f"graphology: {len(placed)} of {len(nodes)} nodes have a position")
    for node_id in placed:
        for axis in ("x", "y"):
            v = nodes[node_id].get(axis)
            if not isinstance(v, (int, float)) or not math.isfinite(v):
                problems.append(f"graphology: node {node_id!r} {axis} = {v!r}")
    return nodes, edges


def networkx_reads_gexf13(nx):
    return int(nx.__version__.split(".")[0]) >= 3


def node_link(nx, data):
    """networkx.node_link_graph for the file's edge key, on networkx 2.x (link=) and 3.x (edges=)."""
    key = "edges" if "edges" in data else "links"
    major, minor = (int(x) for x in nx.__version__.split(".")[:2])
    if (major, minor) >= (3, 4):
        return nx.node_link_graph(data, edges=key)
    return nx.node_link_graph(data, link=key)


def from_networkx(g):
    nodes = {str(n): dict(d) for n, d in g.nodes(data=True)}
    edges = {}
    for s, t, d in g.edges(data=True):
        s, t = sorted((str(s), str(t)))
        edges[(s, t)] = dict(d)
    return nodes, edges


def main():
    fmt, path, expected_path = sys.argv[1:4]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    if fmt in ("graphology-gexf", "graphology-graphml"):
        nodes, edges = from_graphology(fmt.split("-")[1], path, problems)
        compare(fmt, nodes, edges, expected, problems, "graphology")
        if problems:
            fail(problems)
        print(f"{fmt}: ok")
        return
    try:
        import networkx as nx
    except ImportError:
        print(f"{sys.executable}: no module named networkx (Debian: apt-get install python3-networkx)")
        sys.exit(2)

    if fmt == "gexf" and not networkx_reads_gexf13(nx):
        # networkx 2.x reads GEXF 1.1/1.2 only: read GEXF 1.3 with graphology instead.
        nodes, edges = from_graphology("gexf", path, problems)
        compare(fmt, nodes, edges, expected, problems, "graphology")
    elif fmt == "graphml":
        g = nx.read_graphml(path)
        if g.is_directed() or g.is_multigraph():
            problems.append("networkx: graph is directed or a multigraph")
        nodes, edges = from_networkx(g)
        compare(fmt, nodes, edges, expected, problems, "networkx")
        sys.path.append("/usr/lib/python3/dist-packages")
        import igraph

        ig = igraph.Graph.Read_GraphML(path)
        if ig.is_directed():
            problems.append("igraph: graph is directed")
        names = ig.vs["id"]
        nodes = {v["id"]: v.attributes() for v in ig.vs}
        edges = {}
        for e in ig.es:
            s, t = sorted((names[e.source], names[e.target]))
            edges[(s, t)] = e.attributes()
        compare(fmt, nodes, edges, expected, problems, "igraph")
    elif fmt == "gexf":
        g = nx.read_gexf(path, version="1.3")
        if g.is_directed() or g.is_multigraph():
            problems.append("networkx: graph is directed or a multigraph")
        nodes, edges = from_networkx(g)
        compare(fmt, nodes, edges, expected, problems, "networkx")
        for node_id, want in expected["node"].items():
            has_spells = bool(nodes.get(node_id, {}).get("spells"))
            if has_spells != want["dated"]:
                problems.append(f"networkx: node {node_id!r} spells {has_spells}, expected {want['dated']}")
    elif fmt == "json":
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        # networkx >= 3.6 reads the "edges" key by default; 3.4-3.5 need edges="edges", older
        # versions link="edges".
        if "edges" not in data or "links" in data:
            problems.append('json: the edge list must be under "edges" (networkx 3.6 default)')
        version = tuple(int(p) for p in nx.__version__.split(".")[:2])
        if version >= (3, 6):
            g = nx.node_link_graph(data)
        elif version >= (3, 4):
            g = nx.node_link_graph(data, edges="edges")
        else:
            g = nx.node_link_graph(data, link="edges")
        if g.is_directed() or g.is_multigraph():
            problems.append("networkx: graph is directed or a multigraph")
        nodes, edges = from_networkx(g)
        compare(fmt, nodes, edges, expected, problems, "networkx")
    else:
        print(f"unknown format {fmt!r}")
        sys.exit(2)
    if problems:
        fail(problems)
    print(f"{fmt}: ok")


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as exc:  # a reader rejected the file
        print(f"{type(exc).__name__}: {exc}")
        sys.exit(2)
