package org.daetransport.benchmarks;

import java.util.concurrent.TimeUnit;
import org.daetransport.api.Backend;
import org.daetransport.api.Backends;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The kernel-weighted average {@code out_i = sum_j softmax_j(-|x_i - y_j|^2 / (2t)) y_j} (the
 * empirical optimal DAE) for N = M = 20000 points in d = 2 and d = 64, through each backend and
 * through {@link #plainLoop}, the straightforward single-threaded double loop it is measured
 * against. One call takes seconds (the plain loop in d = 64 about a minute), hence single shots.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KernelAverageBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
public class KernelAverageBenchmark {

    /** The point clouds, shared by every benchmark of this class. */
    @State(Scope.Benchmark)
    public static class Points {

        @Param({"2", "64"})
        public int d;

        @Param({"20000"})
        public int n;

        /** Row-major queries and references, n x d each. */
        double[] x;
        double[] y;
        /** The kernel variance: d / 4, so that a query averages over many references. */
        double t;

        @Setup(Level.Trial)
        public void setUp() {
            x = SeededNormal.samples(n * d, 1);
            y = SeededNormal.samples(n * d, 2);
            t = d / 4.0;
        }
    }

    /** A backend holding the clouds as its tensors. */
    @State(Scope.Benchmark)
    public static class Engine {

        @Param({"ejml", "nd4j"})
        public String backend;

        Backend engine;
        Tensor x;
        Tensor y;

        @Setup(Level.Trial)
        public void setUp(Points p) {
            engine = Backends.load(backend);
            x = engine.create().fromArray(p.x, p.n, p.d);
            y = engine.create().fromArray(p.y, p.n, p.d);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    @Benchmark
    public Tensor kernelAverage(Engine e, Points p) {
        return e.engine.kernels().kernelWeightedAverage(e.x, e.y, p.t);
    }

    /**
     * The baseline: for each query, a first pass over all references computes the logits and
     * their maximum, a second the shifted exponentials and the weighted sum. Single-threaded, no
     * blocking, each distance as a sum of squared differences.
     */
    @Benchmark
    public double[] plainLoop(Points p) {
        int n = p.n;
        int d = p.d;
        double[] x = p.x;
        double[] y = p.y;
        double[] out = new double[n * d];
        double[] logits = new double[n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double dist = 0;
                for (int c = 0; c < d; c++) {
                    double diff = x[i * d + c] - y[j * d + c];
                    dist += diff * diff;
                }
                logits[j] = -dist / (2 * p.t);
                max = Math.max(max, logits[j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double w = Math.exp(logits[j] - max);
                sum += w;
                for (int c = 0; c < d; c++) {
                    out[i * d + c] += w * y[j * d + c];
                }
            }
            for (int c = 0; c < d; c++) {
                out[i * d + c] /= sum;
            }
        }
        return out;
    }
}
