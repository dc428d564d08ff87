package org.daetransport.transport.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

class ExactW2Test {

    private static final EjmlBackend BACKEND = new EjmlBackend();

    static Tensor cloud(double[] flat, int rows, int cols) {
        return BACKEND.create().fromArray(flat, rows, cols);
    }

    static double[] uniform(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextDouble() * 4 - 2;
        }
        return out;
    }

    /** Squared distance between row i of x and row j of y, written independently of the solver. */
    private static double cost(double[] x, int i, double[] y, int j, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += Math.pow(x[i * d + k] - y[j * d + k], 2);
        }
        return s;
    }

    /** min over permutations of (1/n) sum |x_i - y_sigma(i)|^2 (Birkhoff: optimal plans are permutations). */
    private static double bruteForce(double[] x, double[] y, int n, int d) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        List<int[]> all = new ArrayList<>();
        permutations(perm, 0, all);
        for (int[] p : all) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += cost(x, i, y, p[i], d);
            }
            best = Math.min(best, s / n);
        }
        return best;
    }

    private static void permutations(int[] p, int k, List<int[]> out) {
        if (k == p.length) {
            out.add(p.clone());
            return;
        }
        for (int i = k; i < p.length; i++) {
            int t = p[k]; p[k] = p[i]; p[i] = t;
            permutations(p, k + 1, out);
            t = p[k]; p[k] = p[i]; p[i] = t;
        }
    }

    /** The transport LP in its textbook form, solved by Hipparchus' dense simplex. */
    private static double linearProgram(double[] x, int n, double[] y, int m, int d) {
        double[] objective = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                objective[i * m + j] = cost(x, i, y, j, d);
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[n * m];
            for (int j = 0; j < m; j++) {
                row[i * m + j] = 1;
            }
            constraints.add(new LinearConstraint(row, Relationship.EQ, 1.0 / n));
        }
        for (int j = 0; j < m; j++) {
            double[] col = new double[n * m];
            for (int i = 0; i < n; i++) {
                col[i * m + j] = 1;
            }
            constraints.add(new LinearConstraint(col, Relationship.EQ, 1.0 / m));
        }
        return new SimplexSolver(1e-12, 10, 1e-14).optimize(new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(constraints), GoalType.MINIMIZE, new NonNegativeConstraint(true)).getValue();
    }

    @Test
    void equalSizesMatchBruteForceOverAllPermutations() {
        for (int n = 1; n <= 7; n++) {
            for (int d = 2; d <= 3; d++) {
                double[] x = uniform(n * d, 100 + 10L * n + d);
                double[] y = uniform(n * d, 200 + 10L * n + d);
                double expected = Math.sqrt(bruteForce(x, y, n, d));
                W2Result r = new ExactW2().distance(cloud(x, n, d), cloud(y, n, d));
                // the solver's optimality tolerance is 1e-10 max(C); everything else is exact
                assertThat(r.w2()).as("n=%d d=%d", n, d).isCloseTo(expected, within(1e-9));
                assertThat(r.method()).isEqualTo("exact");
                assertThat(r.converged()).isTrue();
            }
        }
    }

    @Test
    void unequalSizesMatchAnIndependentLinearProgram() {
        int[][] sizes = {{1, 4}, {4, 1}, {2, 3}, {5, 3}, {3, 7}, {8, 6}, {6, 9}};
        for (int[] s : sizes) {
            int n = s[0];
            int m = s[1];
            double[] x = uniform(n * 2, 7 * n + m);
            double[] y = uniform(m * 2, 11 * m + n);
            double expected = Math.sqrt(linearProgram(x, n, y, m, 2));
            double actual = new ExactW2().distance(cloud(x, n, 2), cloud(y, m, 2)).w2();
            assertThat(actual).as("%dx%d", n, m).isCloseTo(expected, within(1e-8));
        }
    }

    @Test
    void planHasExactIntegerMarginals() {
        int n = 37;
        int m = 23;
        double[] x = uniform(n * 2, 5);
        double[] y = uniform(m * 2, 6);
        NetworkSimplex simplex = new NetworkSimplex(ExactW2.squaredDistances(x, n, y, m, 2), n, m);
        double w2sq = simplex.solve();
        long[] plan = simplex.plan();
        double check = 0;
        for (int i = 0; i < n; i++) {
            long row = 0;
            for (int j = 0; j < m; j++) {
                assertThat(plan[i * m + j]).isNotNegative();
                row += plan[i * m + j];
                check += plan[i * m + j] * cost(x, i, y, j, 2);
            }
            assertThat(row).isEqualTo(m);
        }
        for (int j = 0; j < m; j++) {
            long col = 0;
            for (int i = 0; i < n; i++) {
                col += plan[i * m + j];
            }
            assertThat(col).isEqualTo(n);
        }
        assertThat(w2sq).isCloseTo(check / (n * m), within(1e-12));
    }

    @Test
    void translatedCopyIsAtDistanceOfTheShift() {
        // W2(mu, mu + v) = |v| exactly (the translation is the optimal map); rows shuffled
        int n = 1000;
        double[] x = SeededNormal.samples(2 * n, 42);
        double[] y = new double[2 * n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = n - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i]; order[i] = order[k]; order[k] = t;
        }
        for (int i = 0; i < n; i++) {
            y[2 * i] = x[2 * order[i]] + 0.3;
            y[2 * i + 1] = x[2 * order[i] + 1] - 0.4;
        }
        assertThat(new ExactW2().distance(cloud(x, n, 2), cloud(y, n, 2)).w2()).isCloseTo(0.5, within(1e-7));
    }

    @Test
    void oneDimensionalCloudsUseTheQuantileFormula() {
        // {0, 1} against {0, 0.5, 3}: quantile pieces of length 1/3, 1/6, 1/6, 1/3
        double expected = Math.sqrt((0.0 + (1.0 / 6) * 0.25 + (1.0 / 6) * 0.25 + (1.0 / 3) * 4.0));
        assertThat(ExactW2.oneDimensional(new double[] {1, 0}, new double[] {3, 0, 0.5})).isCloseTo(expected, within(1e-14));
        double[] x = uniform(5, 1);
        double[] y = uniform(4, 2);
        double lp = Math.sqrt(linearProgram(x, 5, y, 4, 1));
        assertThat(new ExactW2().distance(cloud(x, 5, 1), cloud(y, 4, 1)).w2()).isCloseTo(lp, within(1e-9));
    }

    @Test
    void oneDimensionalFormulaAgreesWithTheSimplexOnA2dEmbedding() {
        // points on the x axis in 2-D: the LP must reproduce the 1-D quantile value
        int n = 40;
        int m = 25;
        double[] x = uniform(n, 8);
        double[] y = uniform(m, 9);
        double[] x2 = new double[2 * n];
        double[] y2 = new double[2 * m];
        for (int i = 0; i < n; i++) {
            x2[2 * i] = x[i];
        }
        for (int j = 0; j < m; j++) {
            y2[2 * j] = y[j];
        }
        assertThat(new ExactW2().distance(cloud(x2, n, 2), cloud(y2, m, 2)).w2())
                .isCloseTo(ExactW2.oneDimensional(x, y), within(1e-9));
    }

    @Test
    void identicalPointsAreAtDistanceZero() {
        double[] x = {1, 2, 1, 2, 1, 2};
        assertThat(new ExactW2().distance(cloud(x, 3, 2), cloud(new double[] {1, 2}, 1, 2)).w2()).isZero();
    }

    @Test
    void rejectsBadClouds() {
        ExactW2 w2 = new ExactW2();
        Tensor ok = cloud(new double[] {0, 1, 2, 3}, 2, 2);
        assertThatThrownBy(() -> w2.distance(ok, cloud(new double[] {0, 1, 2}, 1, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2").hasMessageContaining("1x3");
        assertThatThrownBy(() -> w2.distance(ok, cloud(new double[0], 0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b: point cloud is empty");
        assertThatThrownBy(() -> w2.distance(new RawTensor(new double[] {0, 1, 2, Double.NaN}, 2, 2), ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a: row 1, column 1 is NaN");
        assertThatThrownBy(() -> ExactW2.oneDimensional(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
