package org.daetransport.transport.ot;

import org.daetransport.api.NumericalFailureException;

/**
 * The primal network simplex for the uncapacitated transportation problem between {@code n}
 * sources of supply {@code m} each and {@code m} sinks of demand {@code n} each (uniform weights
 * {@code 1/n}, {@code 1/m} scaled by {@code n m}, so every flow is an exact integer).
 *
 * <p>The spanning-tree basis, its thread/successor encoding, the strongly feasible leaving-arc
 * rule (which prevents cycling on these highly degenerate problems) and the block-search pivot
 * rule follow LEMON's {@code NetworkSimplex} (Kiraly and Kovacs, 2012), as used by Bonneel et al.
 * (2011) and POT's {@code emd}. Because every arc is uncapacitated, a non-tree arc always carries
 * zero flow, so flows are kept per tree node (the flow on the node's arc to its parent): memory
 * beyond the cost matrix is O(n + m).
 *
 * <p>Costs are divided by their maximum before solving so that the optimality tolerance on reduced
 * costs is relative: the returned plan's cost is within {@code 1e-10 max(C)} of the optimum.
 */
final class NetworkSimplex {

    private static final byte UP = 1;   // the tree arc goes from the node to its parent
    private static final byte DOWN = -1; // the tree arc goes from the parent to the node
    /** Reduced-cost threshold in units of max(C); far above the round-off of the potentials. */
    private static final double TOLERANCE = 1e-10;

    private final int n;
    private final int m;
    private final int arcNum;
    private final int nodeNum;
    private final int root;
    private final double[] cost;
    private final double scale;
    private final double artCost;
    private final int blockSize;

    private final int[] parent;
    private final int[] pred;
    private final byte[] predDir;
    private final long[] predFlow;
    private final int[] thread;
    private final int[] revThread;
    private final int[] succNum;
    private final int[] lastSucc;
    private final double[] pi;
    private final int[] dirtyRevs;

    private int nextArc;
    private int inArc;
    private int join;
    private int uIn;
    private int vIn;
    private int uOut;
    private long delta;
    private long pivots;

    /**
     * @param cost row-major {@code n x m} costs (non-negative, finite); divided in place by their
     *             maximum (modified)
     */
    NetworkSimplex(double[] cost, int n, int m) {
        if ((long) n * m > Integer.MAX_VALUE - (n + m)) {
            throw new IllegalArgumentException("exact transport between " + n + " and " + m
                    + " points needs more than 2^31 arcs; use the sinkhorn or sliced method");
        }
        this.n = n;
        this.m = m;
        this.arcNum = n * m;
        this.nodeNum = n + m;
        this.root = nodeNum;
        this.cost = cost;
        double max = 0;
        for (double c : cost) {
            max = Math.max(max, c);
        }
        this.scale = max;
        if (max > 0) {
            double inv = 1.0 / max;
            for (int e = 0; e < cost.length; e++) {
                cost[e] *= inv;
            }
        }
        this.artCost = 2.0 * nodeNum; // (max normalised cost + 1) * nodes, as LEMON
        this.blockSize = Math.max(10, (int) Math.ceil(Math.sqrt(arcNum)));
        int size = nodeNum + 1;
        parent = new int[size];
        pred = new int[size];
        predDir = new byte[size];
        predFlow = new long[size];
        thread = new int[size];
        revThread = new int[size];
        succNum = new int[size];
        lastSucc = new int[size];
        pi = new double[size];
        dirtyRevs = new int[size];
        initTree();
    }

    /** Pivots until optimal; returns the optimal cost {@code sum P_ij C_ij} with {@code sum P = 1}. */
    double solve() {
        if (scale == 0) {
            return 0; // every point coincides: any plan is optimal
        }
        long maxPivots = 50L * arcNum + 1_000_000L;
        while (findEnteringArc()) {
            if (++pivots > maxPivots) {
                throw new NumericalFailureException("network simplex did not terminate after " + maxPivots + " pivots");
            }
            findJoinNode();
            findLeavingArc();
            changeFlow();
            updateTreeStructure();
            updatePotential();
        }
        double total = 0;
        for (int u = 0; u < nodeNum; u++) {
            int e = pred[u];
            if (e >= arcNum) {
                if (predFlow[u] != 0) {
                    throw new NumericalFailureException("network simplex ended with flow on an artificial arc");
                }
            } else {
                total += predFlow[u] * cost[e];
            }
        }
        return total * scale / ((double) n * m);
    }

    long pivots() {
        return pivots;
    }

    /** The optimal plan scaled by {@code n m} (integer masses), row-major {@code n x m}; for tests. */
    long[] plan() {
        long[] plan = new long[arcNum];
        for (int u = 0; u < nodeNum; u++) {
            if (pred[u] < arcNum) {
                plan[pred[u]] += predFlow[u];
            }
        }
        return plan;
    }

    private int source(int e) {
        if (e < arcNum) {
            return e / m;
        }
        int u = e - arcNum;
        return u < n ? u : root;
    }

    private int target(int e) {
        if (e < arcNum) {
            return n + e % m;
        }
        int u = e - arcNum;
        return u < n ? root : u;
    }

    private double arcCost(int e) {
        if (e < arcNum) {
            return cost[e];
        }
        return e - arcNum < n ? 0 : artCost;
    }

    /** The initial basis: every node hangs from an artificial root by an artificial arc. */
    private void initTree() {
        parent[root] = -1;
        pred[root] = -1;
        thread[root] = 0;
        revThread[0] = root;
        succNum[root] = nodeNum + 1;
        lastSucc[root] = root - 1;
        pi[root] = 0;
        for (int u = 0; u < nodeNum; u++) {
            parent[u] = root;
            pred[u] = arcNum + u;
            thread[u] = u + 1;
            revThread[u + 1] = u;
            succNum[u] = 1;
            lastSucc[u] = u;
            if (u < n) {
                predDir[u] = UP;
                predFlow[u] = m;
                pi[u] = 0;
            } else {
                predDir[u] = DOWN;
                predFlow[u] = n;
                pi[u] = artCost;
            }
        }
    }

    /** Block search: the most negative reduced cost in the first block that has one. */
    private boolean findEnteringArc() {
        double min = -TOLERANCE;
        int best = -1;
        int i = nextArc / m;
        int j = nextArc - i * m;
        int remaining = arcNum;
        int count = blockSize;
        while (remaining > 0) {
            int len = Math.min(Math.min(m - j, count), remaining);
            int base = i * m;
            int end = j + len;
            int found = scanRow(cost, pi, base, pi[i], n, j, end, min);
            if (found >= 0) {
                best = base + found;
                min = cost[best] + pi[i] - pi[n + found];
            }
            remaining -= len;
            count -= len;
            j = end;
            if (j == m) {
                j = 0;
                i = i + 1 == n ? 0 : i + 1;
            }
            if (count == 0) {
                if (best >= 0) {
                    break;
                }
                count = blockSize;
            }
        }
        if (best < 0) {
            return false;
        }
        nextArc = i * m + j;
        inArc = best;
        return true;
    }

    /**
     * The sink {@code j} in {@code [from, to)} of the row at {@code base} with the most negative
     * reduced cost below {@code min}, or -1. A small static kernel so that the JIT compiles it fully early.
     */
    private static int scanRow(double[] cost, double[] pi, int base, double piSource, int sinkOffset, int from, int to, double min) {
        int found = -1;
        for (int j = from; j < to; j++) {
            double reduced = cost[base + j] + piSource - pi[sinkOffset + j];
            if (reduced < min) {
                min = reduced;
                found = j;
            }
        }
        return found;
    }

    private void findJoinNode() {
        int u = source(inArc);
        int v = target(inArc);
        while (u != v) {
            if (succNum[u] < succNum[v]) {
                u = parent[u];
            } else {
                v = parent[v];
            }
        }
        join = u;
    }

    /** The last blocking arc of the cycle in its orientation (strongly feasible trees). */
    private void findLeavingArc() {
        int first = source(inArc);
        int second = target(inArc);
        delta = Long.MAX_VALUE;
        int result = 0;
        for (int u = first; u != join; u = parent[u]) {
            if (predDir[u] == UP && predFlow[u] < delta) {
                delta = predFlow[u];
                uOut = u;
                result = 1;
            }
        }
        for (int u = second; u != join; u = parent[u]) {
            if (predDir[u] == DOWN && predFlow[u] <= delta) {
                delta = predFlow[u];
                uOut = u;
                result = 2;
            }
        }
        if (result == 0) {
            throw new NumericalFailureException("network simplex found an unbounded cycle (costs not finite?)");
        }
        if (result == 1) {
            uIn = first;
            vIn = second;
        } else {
            uIn = second;
            vIn = first;
        }
    }

    private void changeFlow() {
        if (delta > 0) {
            for (int u = source(inArc); u != join; u = parent[u]) {
                predFlow[u] -= predDir[u] * delta;
            }
            for (int u = target(inArc); u != join; u = parent[u]) {
                predFlow[u] += predDir[u] * delta;
            }
        }
    }

    private void updateTreeStructure() {
        int oldRevThread = revThread[uOut];
        int oldSuccNum = succNum[uOut];
        int oldLastSucc = lastSucc[uOut];
        int vOut = parent[uOut];

        if (uIn == uOut) {
            parent[uIn] = vIn;
            pred[uIn] = inArc;
            predDir[uIn] = uIn == source(inArc) ? UP : DOWN;
            predFlow[uIn] = delta;
            if (thread[vIn] != uOut) {
                int after = thread[oldLastSucc];
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
                after = thread[vIn];
                thread[vIn] = uOut;
                revThread[uOut] = vIn;
                thread[oldLastSucc] = after;
                revThread[after] = oldLastSucc;
            }
        } else {
            // when oldRevThread == vIn, join and vOut coincide
            int threadContinue = oldRevThread == vIn ? thread[oldLastSucc] : thread[vIn];

            // re-hang the stem nodes between uIn and uOut, fixing thread and parent
            int stem = uIn;
            int parStem = vIn;
            int last = lastSucc[uIn];
            int after = thread[last];
            thread[vIn] = uIn;
            int dirty = 0;
            dirtyRevs[dirty++] = vIn;
            while (stem != uOut) {
                int nextStem = parent[stem];
                thread[last] = nextStem;
                dirtyRevs[dirty++] = last;

                int before = revThread[stem];
                thread[before] = after;
                revThread[after] = before;

                parent[stem] = parStem;
                parStem = stem;
                stem = nextStem;

                last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
                after = thread[last];
            }
            parent[uOut] = parStem;
            thread[last] = threadContinue;
            revThread[threadContinue] = last;
            lastSucc[uOut] = last;

            if (oldRevThread != vIn) {
                thread[oldRevThread] = after;
                revThread[after] = oldRevThread;
            }
            for (int k = 0; k < dirty; k++) {
                int u = dirtyRevs[k];
                revThread[thread[u]] = u;
            }

            // pred, direction, flow, lastSucc and succNum along the stem from uOut to uIn
            int tmpSc = 0;
            int tmpLs = lastSucc[uOut];
            for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u]) {
                pred[u] = pred[p];
                predDir[u] = (byte) -predDir[p];
                predFlow[u] = predFlow[p];
                tmpSc += succNum[u] - succNum[p];
                succNum[u] = tmpSc;
                lastSucc[p] = tmpLs;
            }
            pred[uIn] = inArc;
            predDir[uIn] = uIn == source(inArc) ? UP : DOWN;
            predFlow[uIn] = delta;
            succNum[uIn] = oldSuccNum;
        }

        int upLimitOut = lastSucc[join] == vIn ? join : -1;
        int lastSuccOut = lastSucc[uOut];
        for (int u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u]) {
            lastSucc[u] = lastSuccOut;
        }
        if (join != oldRevThread && vIn != oldRevThread) {
            for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = oldRevThread;
            }
        } else if (lastSuccOut != oldLastSucc) {
            for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
                lastSucc[u] = lastSuccOut;
            }
        }
        for (int u = vIn; u != join; u = parent[u]) {
            succNum[u] += oldSuccNum;
        }
        for (int u = vOut; u != join; u = parent[u]) {
            succNum[u] -= oldSuccNum;
        }
    }

    private void updatePotential() {
        double sigma = pi[vIn] - pi[uIn] - predDir[uIn] * arcCost(inArc);
        int end = thread[lastSucc[uIn]];
        for (int u = uIn; u != end; u = thread[u]) {
            pi[u] += sigma;
        }
    }
}
