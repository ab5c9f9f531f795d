"""Peers for bench:community: igraph's multilevel (Louvain), NetworKit's PLM (Louvain) and ParallelLeiden,
and leidenalg (Leiden, modularity), on the graphs the Node benchmark writes.

Reads int32 edge arrays, runs each peer named (comma-separated, e.g. "igraph,leidenalg"), writes each
one's membership as int32 and prints one JSON line per peer. An optional fourth argument is the seed.
Run inside the benchmark's own virtual environment.
"""
import json
import resource
import sys
import time

import numpy as np


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(prefix, n, peers, seed):
    src = np.fromfile(prefix + ".src.i32", dtype=np.int32)
    dst = np.fromfile(prefix + ".dst.i32", dtype=np.int32)
    for which in peers.split(","):
        run(prefix, n, which, seed, src, dst)


def run(prefix, n, which, seed, src, dst):
    if which == "igraph":
        import random

        import igraph as ig
        random.seed(seed)
        import igraph as ig
        t0 = time.perf_counter()
        g = ig.Graph(n=n, edges=np.column_stack((src, dst)), directed=False)
        build = time.perf_counter() - t0
        t1 = time.perf_counter()
        parts = g.community_multilevel()
        seconds = time.perf_counter() - t1
        membership = np.asarray(parts.membership, dtype=np.int32)
        q = g.modularity(parts.membership)
        version = ig.__version__
    elif which == "leidenalg":
        import igraph as ig
        import leidenalg as la
        t0 = time.perf_counter()
        g = ig.Graph(n=n, edges=np.column_stack((src, dst)), directed=False)
        build = time.perf_counter() - t0
        t1 = time.perf_counter()
        # Defaults: 2 iterations, theta 0.01; modularity at gamma 1.
        parts = la.find_partition(g, la.ModularityVertexPartition, seed=seed)
        seconds = time.perf_counter() - t1
        membership = np.asarray(parts.membership, dtype=np.int32)
        q = g.modularity(parts.membership)
        version = la.__version__
    elif which.startswith("networkit"):
        import networkit as nk
        threads = int(which.split(":")[1]) if ":" in which else 1
        nk.setNumberOfThreads(threads)
        nk.setSeed(seed, False)
        t0 = time.perf_counter()
        g = nk.GraphFromCoo((np.ones(len(src), dtype=np.float64), (src.astype(np.uint64), dst.astype(np.uint64))), n=n, weighted=False, directed=False)
        build = time.perf_counter() - t0
        t1 = time.perf_counter()
        if which.startswith("networkit-leiden"):
            algo = nk.community.ParallelLeiden(g, randomize=True, iterations=3, gamma=1.0)
        else:
            algo = nk.community.PLM(g, refine=False, gamma=1.0)
        algo.run()
        seconds = time.perf_counter() - t1
        partition = algo.getPartition()
        membership = np.asarray(partition.getVector(), dtype=np.int32)
        q = nk.community.Modularity().getQuality(partition, g)
        version = nk.__version__
    else:
        raise SystemExit("unknown peer " + which)
    membership.tofile(prefix + "." + which.replace(":", "-") + ".i32")
    print(json.dumps({"peer": which, "version": version, "buildSeconds": build, "seconds": seconds, "modularity": q, "peakRssMiB": peak_rss_mib()}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 42)
