package org.daetransport.benchmarks;

import java.util.concurrent.TimeUnit;
import org.daetransport.api.Backend;
import org.daetransport.api.Backends;
import org.daetransport.api.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
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
 * The products of one MLP training step, {@code op(A) op(B)} of shape {@code m x k} times {@code k x n}
 * ({@code T} marks a transposed A, as in the weight gradient {@code x^T dz}): the EJML backend's matmul
 * against EJML's own {@code CommonOps_DDRM} / {@code CommonOps_MT_DDRM} kernels on the same data.
 * GFLOP/s = 2 m k n / time.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TrainingProductsBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingProductsBenchmark {

    /** m x k x n, with a trailing T when A is transposed. */
    @Param({"256x64x256", "256x256x256", "256x256x64", "64x256x256T", "256x256x256T", "1024x1024x1024"})
    public String shape;

    private Backend engine;
    private Tensor a;
    private Tensor b;
    private boolean transA;
    private DMatrixRMaj ma;
    private DMatrixRMaj mb;

    @Setup(Level.Trial)
    public void setUp() {
        transA = shape.endsWith("T");
        String[] dims = shape.replace("T", "").split("x");
        int m = Integer.parseInt(dims[0]);
        int k = Integer.parseInt(dims[1]);
        int n = Integer.parseInt(dims[2]);
        engine = Backends.load("ejml");
        a = transA ? engine.create().normal(k, m, 1) : engine.create().normal(m, k, 1);
        b = engine.create().normal(k, n, 2);
        ma = DMatrixRMaj.wrap(a.rows(), a.cols(), a.toArray());
        mb = DMatrixRMaj.wrap(b.rows(), b.cols(), b.toArray());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Tensor backend() {
        return engine.linalg().matmul(a, transA, b, false);
    }

    @Benchmark
    public DMatrixRMaj ejmlSerial() {
        DMatrixRMaj c = new DMatrixRMaj(transA ? ma.numCols : ma.numRows, mb.numCols);
        if (transA) {
            CommonOps_DDRM.multTransA(ma, mb, c);
        } else {
            CommonOps_DDRM.mult(ma, mb, c);
        }
        return c;
    }

    @Benchmark
    public DMatrixRMaj ejmlThreaded() {
        DMatrixRMaj c = new DMatrixRMaj(transA ? ma.numCols : ma.numRows, mb.numCols);
        if (transA) {
            CommonOps_MT_DDRM.multTransA(ma, mb, c);
        } else {
            CommonOps_MT_DDRM.mult(ma, mb, c);
        }
        return c;
    }
}
