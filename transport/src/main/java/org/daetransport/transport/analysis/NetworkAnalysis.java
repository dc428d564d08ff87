package org.daetransport.transport.analysis;

import org.daetransport.api.Layer;
import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;
import org.daetransport.api.Trajectory;
import org.daetransport.api.TransportMap;
import org.daetransport.transport.entropy.EntropyEstimator;
import org.daetransport.transport.neural.Mlp;
import org.daetransport.transport.ot.W2Distance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transport view of a feed-forward network (PAPER.md section 1): the network
 * {@code g_L o ... o g_1} moves a cloud along the trajectory {@code x_0, x_1 = g_1(x_0), ..., x_L};
 * every layer space is embedded isometrically in one common space, where per-layer displacement,
 * kinetic energy and W2 distance are measured, together with each layer law's entropy.
 *
 * <p>What is invariant: two parameterisations of the same network function give the same output
 * cloud {@code x_L}, so every quantity of the composite map is invariant. An intermediate state
 * {@code x_l} depends on the parameterisation of the layers up to {@code l}: permuting hidden units
 * moves it by an isometry of the hidden space (so intrinsic quantities such as its entropy are
 * kept, while displacements measured in a fixed embedding change unless the embedding follows the
 * permutation); rescaling a ReLU unit rescales that coordinate, which is no isometry. States after
 * the next layer are unchanged. See the invariance tests.
 */
public final class NetworkAnalysis {

    private static final double ISOMETRY_RTOL = 1e-9;

    private final W2Distance w2;
    private final EntropyEstimator entropy;

    public NetworkAnalysis(W2Distance w2, EntropyEstimator entropy) {
        this.w2 = w2;
        this.entropy = entropy;
    }

    /** The layers of a network read as transport maps, in order. */
    public static List<TransportMap> maps(List<? extends Layer> layers) {
        List<TransportMap> out = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            out.add(TransportMap.of(l));
        }
        return out;
    }

    /** {@link #analyze(List, Tensor)} over the layers of {@code network}. */
    public NetworkTransport analyze(Mlp network, Tensor input) {
        return analyze(maps(network.layers()), input);
    }

    /**
     * Analyses {@code layers} (applied in order; dimensions must chain) on the rows of {@code input}
     * (not modified), embedding every layer space in {@code R^max(dims)} by zero padding.
     */
    public NetworkTransport analyze(List<? extends TransportMap> layers, Tensor input) {
        int[] dims = dims(layers, input);
        int common = 0;
        for (int d : dims) {
            common = Math.max(common, d);
        }
        List<Embedding> embeddings = new ArrayList<>();
        for (int d : dims) {
            embeddings.add(Embedding.zeroPadding(d, common));
        }
        return analyze(layers, input, embeddings);
    }

    /**
     * Analyses {@code layers} on the rows of {@code input} with one user-chosen embedding per layer
     * space: {@code embeddings.get(0)} for the input space, {@code embeddings.get(l)} for layer
     * {@code l}'s output space, all into one common dimension.
     *
     * @throws IllegalArgumentException if dimensions do not chain or fit the embeddings, or an
     *                                  embedding is not isometric on the cloud it embeds (distances
     *                                  between checked pairs of points change by more than a relative 1e-9)
     * @throws NumericalFailureException if a layer produces a non-finite point or an estimator a NaN
     */
    public NetworkTransport analyze(List<? extends TransportMap> layers, Tensor input, List<? extends Embedding> embeddings) {
        int[] dims = dims(layers, input);
        if (embeddings.size() != dims.length) {
            throw new IllegalArgumentException("need one embedding per layer space (" + dims.length + "), got " + embeddings.size());
        }
        int common = embeddings.get(0).targetDim();
        for (int l = 0; l < dims.length; l++) {
            Embedding e = embeddings.get(l);
            if (e.sourceDim() != dims[l] || e.targetDim() != common) {
                throw new ShapeException("embedding " + l + " maps R^" + e.sourceDim() + " -> R^" + e.targetDim()
                        + " but layer space " + l + " is R^" + dims[l] + " and the common space R^" + common);
            }
        }
        Trajectory trajectory = new Trajectory();
        List<Tensor> outputs = new ArrayList<>();
        outputs.add(input);
        Tensor embedded = embedChecked(embeddings.get(0), input, 0);
        trajectory.init(0, embedded);
        double inputEntropy = estimateEntropy(input, 0);
        List<LayerReport> reports = new ArrayList<>();
        Tensor x = input;
        for (int l = 1; l <= layers.size(); l++) {
            Tensor next = layers.get(l - 1).apply(x);
            requireFinite(next, l);
            Tensor nextEmbedded = embedChecked(embeddings.get(l), next, l);
            double[] a = embedded.toArray();
            double[] b = nextEmbedded.toArray();
            int n = input.rows();
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double sq = 0;
                for (int j = 0; j < common; j++) {
                    double d = b[i * common + j] - a[i * common + j];
                    sq += d * d;
                }
                sum += Math.sqrt(sq);
                sumSq += sq;
            }
            double w = w2.distance(embedded, nextEmbedded).w2();
            if (Double.isNaN(w)) {
                throw new NumericalFailureException("W2 (" + w2.method() + ") between layer " + (l - 1) + " and layer " + l + " is NaN");
            }
            reports.add(new LayerReport(l, dims[l - 1], dims[l], sum / n, sumSq / n, w, estimateEntropy(next, l)));
            trajectory.handleStep(l, l, nextEmbedded);
            outputs.add(next);
            x = next;
            embedded = nextEmbedded;
        }
        trajectory.finish(layers.size(), embedded);
        return new NetworkTransport(common, trajectory, outputs, inputEntropy, reports);
    }

    private double estimateEntropy(Tensor points, int layer) {
        double h = entropy.entropy(points);
        if (Double.isNaN(h)) {
            throw new NumericalFailureException("entropy estimate (" + entropy.name() + ") of layer " + layer + " is NaN");
        }
        return h;
    }

    private static int[] dims(List<? extends TransportMap> layers, Tensor input) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("nothing to analyse: no layers");
        }
        if (input.rows() == 0) {
            throw new IllegalArgumentException("nothing to analyse: the input cloud is empty");
        }
        int[] dims = new int[layers.size() + 1];
        dims[0] = input.cols();
        for (int l = 0; l < layers.size(); l++) {
            TransportMap m = layers.get(l);
            if (m.inputDim() != dims[l]) {
                throw new IllegalArgumentException("layer " + (l + 1) + " expects dimension " + m.inputDim()
                        + " but receives dimension " + dims[l]);
            }
            dims[l + 1] = m.outputDim();
        }
        return dims;
    }

    private static void requireFinite(Tensor t, int layer) {
        for (double v : t.toArray()) {
            if (!Double.isFinite(v)) {
                throw new NumericalFailureException("layer " + layer + " produced a non-finite value " + v);
            }
        }
    }

    /** Embeds and checks distances of pairs (i, i+1) and (i, i+N/2) are kept. */
    private static Tensor embedChecked(Embedding e, Tensor points, int space) {
        Tensor out = e.embed(points);
        if (out.rows() != points.rows() || out.cols() != e.targetDim()) {
            throw new ShapeException("embedding of layer space " + space + " returned " + out.shape() + " for "
                    + points.shape() + " points");
        }
        int n = points.rows();
        double[] x = points.toArray();
        double[] y = out.toArray();
        int dx = points.cols();
        int dy = out.cols();
        for (int shift : new int[] {1, Math.max(1, n / 2)}) {
            for (int i = 0; i < n && n > 1; i++) {
                int j = (i + shift) % n;
                double before = Math.sqrt(squaredDistance(x, i, j, dx));
                double after = Math.sqrt(squaredDistance(y, i, j, dy));
                if (Math.abs(after - before) > ISOMETRY_RTOL * Math.max(1.0, before)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "embedding of layer space %d is not isometric: points %d and %d are %.6g apart before and %.6g after",
                            space, i, j, before, after));
                }
            }
        }
        return out;
    }

    private static double squaredDistance(double[] a, int i, int j, int d) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            double diff = a[i * d + c] - a[j * d + c];
            s += diff * diff;
        }
        return s;
    }
}
