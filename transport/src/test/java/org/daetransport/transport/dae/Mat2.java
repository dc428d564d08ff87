package org.daetransport.transport.dae;

/** Explicit 2 x 2 formulas, written independently of the library's eigen-based linear algebra. */
final class Mat2 {

    private Mat2() {
    }

    static double det(double[][] a) {
        return a[0][0] * a[1][1] - a[0][1] * a[1][0];
    }

    static double[][] inv(double[][] a) {
        double d = det(a);
        return new double[][] {{a[1][1] / d, -a[0][1] / d}, {-a[1][0] / d, a[0][0] / d}};
    }

    static double[][] mul(double[][] a, double[][] b) {
        return new double[][] {
                {a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]},
                {a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]}};
    }

    static double[][] add(double[][] a, double[][] b) {
        return new double[][] {{a[0][0] + b[0][0], a[0][1] + b[0][1]}, {a[1][0] + b[1][0], a[1][1] + b[1][1]}};
    }

    static double[][] transpose(double[][] a) {
        return new double[][] {{a[0][0], a[1][0]}, {a[0][1], a[1][1]}};
    }

    static double[] mul(double[][] a, double[] x) {
        return new double[] {a[0][0] * x[0] + a[0][1] * x[1], a[1][0] * x[0] + a[1][1] * x[1]};
    }

    /** {@code x^T a^-1 x}. */
    static double quad(double[][] a, double[] x) {
        double[] y = mul(inv(a), x);
        return x[0] * y[0] + x[1] * y[1];
    }
}
