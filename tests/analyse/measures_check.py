#!/usr/bin/env python3
"""Recomputes the node measures of an analysed actorgraph GraphML file with networkx and compares.
Usage: measures_check.py GRAPHML SEED. Compares betweenness (distance = 1/weight, normalised),
closeness (same distance), eigenvector centrality, PageRank (0.85) and k-core with networkx at 1e-6
relative tolerance (1e-9 absolute near 0), the written modularity with networkx's modularity of
the written partition, and checks it is at least networkx Louvain's (same weights, seed SEED).
Exit 0 when all agree, 1 with one line per mismatch, 2 when reading fails, 3 when networkx is
missing (the message names the module)."""
import math
import sys

try:
    import networkx as nx
except ImportError:
    print("no module named networkx")
    sys.exit(3)


def pagerank(g):
    """networkx's PageRank; its pure-Python implementation of the same iteration when numpy (which
    nx.pagerank needs since networkx 3.0) is missing."""
    try:
        return nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=100000)


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def main():
    path, seed = sys.argv[1], int(sys.argv[2])
    g = nx.read_graphml(path)
    problems = []
    for u, v, d in g.edges(data=True):
        d["distance"] = 1.0 / float(d["weight"])
    want = {
        "betweenness": nx.betweenness_centrality(g, weight="distance", normalized=True),
        "closeness": nx.closeness_centrality(g, distance="distance"),
        "pagerank": pagerank(g),
        "core": nx.core_number(g),
    }
    if g.number_of_edges() > 0:
        want["eigenvector"] = nx.eigenvector_centrality(g, weight="weight", max_iter=100000,
                                                        tol=1e-14)
    for measure, values in want.items():
        for node, expected in values.items():
            got = g.nodes[node].get(measure)
            if got is None:
                problems.append(f"{node}: no {measure} column")
            elif not close(float(got), float(expected)):
                problems.append(f"{node}: {measure} {got!r} != networkx {expected!r}")
    degree = dict(g.degree())
    strength = dict(g.degree(weight="weight"))
    for node, d in g.nodes(data=True):
        if int(d["degree"]) != degree[node]:
            problems.append(f"{node}: degree {d['degree']} != {degree[node]}")
        if not close(float(d["strength"]), strength[node]):
            problems.append(f"{node}: strength {d['strength']} != {strength[node]}")
    communities = {}
    for node, d in g.nodes(data=True):
        communities.setdefault(int(d["community"]), set()).add(node)
    q_file = float(g.graph["modularity"])
    if g.number_of_edges() > 0:
        q_nx = nx.community.modularity(g, communities.values(), weight="weight")
        if not close(q_file, q_nx):
            problems.append(f"modularity {q_file!r} != networkx's for the same partition {q_nx!r}")
        louvain = nx.community.louvain_communities(g, weight="weight", seed=seed)
        q_louvain = nx.community.modularity(g, louvain, weight="weight")
        if q_file < q_louvain - 1e-9:
            problems.append(f"modularity {q_file!r} < networkx Louvain {q_louvain!r}")
        print(f"modularity {q_file:.6f}, networkx Louvain {q_louvain:.6f}")
    components = list(nx.connected_components(g))
    if int(g.graph["components"]) != len(components):
        problems.append(f"components {g.graph['components']} != {len(components)}")
    if problems:
        for p in problems:
            print(p)
        sys.exit(1)
    print(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges: ok")


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}")
        sys.exit(2)
