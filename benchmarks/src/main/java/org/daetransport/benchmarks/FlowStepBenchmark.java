package org.daetransport.benchmarks;

import java.util.concurrent.TimeUnit;
import org.daetransport.api.Backend;
import org.daetransport.api.Backends;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.flows.BlobInternalEnergy;
import org.daetransport.flows.ExplicitParticleScheme;
import org.daetransport.flows.FlowResult;
import org.daetransport.flows.Functional;
import org.daetransport.flows.JkoParticleScheme;
import org.daetransport.flows.QuadraticPotential;
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
 * One time step of the Wasserstein gradient flow of {@code ∫ rho log rho + ∫ |x|^2/2} (the
 * Ornstein-Uhlenbeck energy: blob entropy plus a quadratic potential) for N = 20000 particles in
 * 2-D, through each backend: {@link #explicitStep} (forward Euler: two blob evaluations, the
 * velocity at the start and the energy check at the end, each two blocked N x N kernel sums) and
 * {@link #jkoStep} (one implicit step: L-BFGS until the rms gradient is 1e-4 of the initial
 * velocity's, one blob evaluation per iteration). The bandwidth is fixed from the cloud once, in
 * the setup. One call takes seconds to a minute, hence single shots without warm-up.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FlowStepBenchmark -p backend=ejml}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class FlowStepBenchmark {

    /** The backend, the cloud as its tensor and the functional with its bandwidth fixed. */
    @State(Scope.Benchmark)
    public static class Flow {

        @Param({"ejml", "nd4j"})
        public String backend;

        @Param({"20000"})
        public int n;

        /** The time step: 0.01, well inside the explicit stability limit of the unit potential. */
        @Param({"0.01"})
        public double dt;

        Backend engine;
        Tensor x;
        Functional energy;

        @Setup(Level.Trial)
        public void setUp() {
            engine = Backends.load(backend);
            x = engine.create().fromArray(SeededNormal.samples(n * 2, 1), n, 2);
            Functional ou = BlobInternalEnergy.entropy()
                    .plus(new QuadraticPotential(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0}));
            energy = ou.fixedAt(x);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    private static final StepHandler NONE = new StepHandler() {
    };

    @Benchmark
    public FlowResult explicitStep(Flow f) {
        return new ExplicitParticleScheme().run(f.energy, f.x, f.dt, 1, NONE);
    }

    @Benchmark
    public FlowResult jkoStep(Flow f) {
        return new JkoParticleScheme(1e-4, 1e-10, 500, 10).run(f.energy, f.x, f.dt, 1, NONE);
    }
}
