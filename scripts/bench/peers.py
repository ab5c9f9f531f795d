"""Peers for bench:community: igraph's multilevel (Louvain) and NetworKit's PLM on the same planted graph.

Reads int32 edge arrays written by the Node benchmark, runs each peer, writes its membership as int32
and prints one JSON line per peer. Run inside the benchmark's own virtual environment.
"""
import json
import resource
import sys
import time

import numpy as np


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(prefix, n, which):
    src = np.fromfile(prefix + ".src.i32", dtype=np.int32)
    dst = np.fromfile(prefix + ".dst.i32", dtype=np.int32)
    if which == "igraph":
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
    elif which.startswith("networkit"):
        import networkit as nk
        threads = int(which.split(":")[1]) if ":" in which else 1
        nk.setNumberOfThreads(threads)
        t0 = time.perf_counter()
        g = nk.GraphFromCoo((np.ones(len(src), dtype=np.float64), (src.astype(np.uint64), dst.astype(np.uint64))), n=n, weighted=False, directed=False)
        build = time.perf_counter() - t0
        t1 = time.perf_counter()
        plm = nk.community.PLM(g, refine=False, gamma=1.0)
        plm.run()
        seconds = time.perf_counter() - t1
        partition = plm.getPartition()
        membership = np.asarray(partition.getVector(), dtype=np.int32)
        q = nk.community.Modularity().getQuality(partition, g)
        version = nk.__version__
    else:
        raise SystemExit("unknown peer " + which)
    membership.tofile(prefix + "." + which.replace(":", "-") + ".i32")
    print(json.dumps({"peer": which, "version": version, "buildSeconds": build, "seconds": seconds, "modularity": q, "peakRssMiB": peak_rss_mib()}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
