package org.daetransport.benchmarks;

import java.util.concurrent.TimeUnit;
import org.daetransport.api.Backend;
import org.daetransport.api.Backends;
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
 * The square matrix product {@code C = A B} (n x n, float64) through each backend, result included
 * (allocation and copies are part of what a caller pays). GFLOP/s = 2 n^3 / time.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MatmulBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MatmulBenchmark {

    @Param({"ejml", "nd4j"})
    public String backend;

    @Param({"256", "1024"})
    public int n;

    private Backend engine;
    private Tensor a;
    private Tensor b;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Backends.load(backend);
        a = engine.create().normal(n, n, 1);
        b = engine.create().normal(n, n, 2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Tensor matmul() {
        return engine.linalg().matmul(a, b);
    }
}
