package org.daetransport.flows;

/**
 * A compact limited-memory BFGS minimiser with an Armijo backtracking line search (Nocedal and
 * Wright, Algorithms 7.4 and 3.1). It stops when the root-mean-square gradient is at most the
 * tolerance. A non-finite objective value is treated as "too far" and backtracked from.
 */
final class Lbfgs {

    /** An objective: returns f(x) and writes grad f(x) into {@code grad}; must not modify {@code x}. */
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    /** The minimiser found, its value, the final rms gradient, the iterations used, and whether it converged. */
    record Result(double[] x, double value, double rmsGradient, int iterations, boolean converged) {
    }

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 50;

    private final int memory;
    private final int maxIterations;

    Lbfgs(int memory, int maxIterations) {
        this.memory = memory;
        this.maxIterations = maxIterations;
    }

    /**
     * Minimises from {@code x0} (not modified).
     *
     * @param initialScale the inverse-Hessian scale {@code H0 = initialScale * I} of the first iteration
     * @param tolerance    stop when {@code sqrt(mean g_i^2) <= tolerance}
     */
    Result minimise(Objective f, double[] x0, double initialScale, double tolerance) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) {
            return new Result(x, fx, Double.NaN, 0, false);
        }
        double[][] s = new double[memory][];
        double[][] y = new double[memory][];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        int stored = 0;
        int head = 0;
        double gamma = initialScale;
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] dir = new double[n];
        for (int iter = 0; ; iter++) {
            double rms = Math.sqrt(dot(g, g) / n);
            if (rms <= tolerance) {
                return new Result(x, fx, rms, iter, true);
            }
            if (iter >= maxIterations) {
                return new Result(x, fx, rms, iter, false);
            }
            // two-loop recursion: dir = -H g
            System.arraycopy(g, 0, dir, 0, n);
            for (int k = 0; k < stored; k++) {
                int idx = Math.floorMod(head - 1 - k, memory);
                alpha[idx] = rho[idx] * dot(s[idx], dir);
                axpy(-alpha[idx], y[idx], dir);
            }
            scale(dir, gamma);
            for (int k = stored - 1; k >= 0; k--) {
                int idx = Math.floorMod(head - 1 - k, memory);
                double beta = rho[idx] * dot(y[idx], dir);
                axpy(alpha[idx] - beta, s[idx], dir);
            }
            scale(dir, -1.0);
            double slope = dot(g, dir);
            if (!(slope < 0)) { // not a descent direction: restart from steepest descent
                stored = 0;
                System.arraycopy(g, 0, dir, 0, n);
                scale(dir, -gamma);
                slope = dot(g, dir);
            }
            double step = 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            // Armijo with a rounding allowance relative to |f|, so that steps near the optimum are not refused for noise
            double allowance = 1e-14 * Math.abs(fx);
            for (int h = 0; h < MAX_HALVINGS; h++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * dir[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= fx + ARMIJO * step * slope + allowance) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                return new Result(x, fx, rms, iter, false);
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-300) { // curvature condition; skip the update otherwise
                s[head] = sk;
                y[head] = yk;
                rho[head] = 1.0 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
                gamma = sy / dot(yk, yk);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
