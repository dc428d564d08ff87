package org.daetransport.transport.entropy;

/**
 * A k-d tree on a flat row-major point array for exact k-nearest-neighbour distances: median
 * splits on the widest coordinate, leaves of at most {@value #LEAF_SIZE} points, points copied into
 * tree order so that a leaf is contiguous in memory.
 */
final class KdTree {

    static final int LEAF_SIZE = 12;

    private final int d;
    private final int size;
    /** Coordinates in tree order: position p holds original row {@code index[p]}. */
    private final double[] data;
    private final int[] index;
    // node arrays: a leaf has splitDim == -1 and covers positions [start, end)
    private final int[] start;
    private final int[] end;
    private final int[] splitDim;
    private final double[] splitValue;
    private final int[] left;
    private final int[] right;
    private int nodes;

    /** Builds the tree over the {@code points.length / d} rows of {@code points} (modifies nothing). */
    KdTree(double[] points, int d) {
        this.d = d;
        this.size = points.length / d;
        this.index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = i;
        }
        int capacity = 2 * Math.max(1, (2 * size) / LEAF_SIZE + 1) + 1;
        start = new int[capacity];
        end = new int[capacity];
        splitDim = new int[capacity];
        splitValue = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        build(points, 0, size);
        data = new double[points.length];
        for (int p = 0; p < size; p++) {
            System.arraycopy(points, index[p] * d, data, p * d, d);
        }
    }

    int size() {
        return size;
    }

    /** The original row of the point at tree position {@code p}. */
    int row(int p) {
        return index[p];
    }

    private int build(double[] points, int lo, int hi) {
        int node = nodes++;
        start[node] = lo;
        end[node] = hi;
        if (hi - lo <= LEAF_SIZE) {
            splitDim[node] = -1;
            return node;
        }
        int dim = 0;
        double widest = -1;
        for (int k = 0; k < d; k++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int p = lo; p < hi; p++) {
                double v = points[index[p] * d + k];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > widest) {
                widest = max - min;
                dim = k;
            }
        }
        int mid = (lo + hi) >>> 1;
        select(points, dim, lo, hi - 1, mid);
        splitDim[node] = dim;
        splitValue[node] = points[index[mid] * d + dim];
        int l = build(points, lo, mid);
        int r = build(points, mid, hi);
        left[node] = l;
        right[node] = r;
        return node;
    }

    /** Quickselect on {@code index[lo..hi]}: afterwards position k holds the k-th smallest coordinate. */
    private void select(double[] points, int dim, int lo, int hi, int k) {
        while (hi > lo) {
            int a = lo;
            int b = (lo + hi) >>> 1;
            int c = hi;
            double va = points[index[a] * d + dim];
            double vb = points[index[b] * d + dim];
            double vc = points[index[c] * d + dim];
            double pivot = Math.max(Math.min(va, vb), Math.min(Math.max(va, vb), vc)); // median of three
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (points[index[i] * d + dim] < pivot) {
                    i++;
                }
                while (points[index[j] * d + dim] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = index[i];
                    index[i] = index[j];
                    index[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * The squared distance from the point at tree position {@code p} to its {@code k}-th nearest
     * other point (ties and duplicates counted; the point itself excluded by position).
     *
     * @param heap scratch of length at least {@code k} (modified)
     */
    double kthNeighbourSquared(int p, int k, double[] heap) {
        double[] q = new double[d];
        System.arraycopy(data, p * d, q, 0, d);
        Query query = new Query(q, p, k, heap);
        search(0, query);
        return heap[0];
    }

    /** A bounded max-heap of squared distances (root = current k-th nearest). */
    private static final class Query {
        final double[] q;
        final int self;
        final int k;
        final double[] heap;
        int count;

        Query(double[] q, int self, int k, double[] heap) {
            this.q = q;
            this.self = self;
            this.k = k;
            this.heap = heap;
        }

        double bound() {
            return count < k ? Double.POSITIVE_INFINITY : heap[0];
        }

        void offer(double dist) {
            if (count < k) {
                int c = count++;
                while (c > 0) {
                    int parent = (c - 1) >>> 1;
                    if (heap[parent] >= dist) {
                        break;
                    }
                    heap[c] = heap[parent];
                    c = parent;
                }
                heap[c] = dist;
            } else if (dist < heap[0]) {
                int c = 0;
                while (true) {
                    int child = 2 * c + 1;
                    if (child >= k) {
                        break;
                    }
                    if (child + 1 < k && heap[child + 1] > heap[child]) {
                        child++;
                    }
                    if (heap[child] <= dist) {
                        break;
                    }
                    heap[c] = heap[child];
                    c = child;
                }
                heap[c] = dist;
            }
        }
    }

    private void search(int node, Query query) {
        int dim = splitDim[node];
        if (dim < 0) {
            double[] q = query.q;
            double bound = query.bound();
            for (int p = start[node], e = end[node]; p < e; p++) {
                if (p == query.self) {
                    continue;
                }
                int base = p * d;
                double s = 0;
                for (int c = 0; c < d && s < bound; c++) {
                    double diff = data[base + c] - q[c];
                    s += diff * diff;
                }
                if (s < bound) {
                    query.offer(s);
                    bound = query.bound();
                }
            }
            return;
        }
        double diff = query.q[dim] - splitValue[node];
        int near = diff < 0 ? left[node] : right[node];
        int far = diff < 0 ? right[node] : left[node];
        search(near, query);
        if (diff * diff < query.bound()) {
            search(far, query);
        }
    }
}
