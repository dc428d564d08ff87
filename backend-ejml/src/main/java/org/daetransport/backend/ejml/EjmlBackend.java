package org.daetransport.backend.ejml;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.Checks;
import org.daetransport.api.Creation;
import org.daetransport.api.Elementwise;
import org.daetransport.api.KernelShapes;
import org.daetransport.api.LinearAlgebra;
import org.daetransport.api.NotPositiveDefiniteException;
import org.daetransport.api.ProductShape;
import org.daetransport.api.Reductions;
import org.daetransport.api.ShapeException;
import org.daetransport.api.SymmetricEigen;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportKernels;
import org.daetransport.api.cpu.FusedGaussianKernel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The pure-Java backend: float64, row-major; matrix products by {@link DenseGemm} (blocked, register-tiled,
 * multithreaded for large products, deterministic), decompositions by EJML.
 */
public final class EjmlBackend implements Backend, Creation, LinearAlgebra, Elementwise, Reductions, TransportKernels {

    public static final String NAME = "ejml";

    @Override public String name() { return NAME; }
    @Override public boolean nativeBlas() { return false; }
    @Override public boolean gpu() { return false; }
    @Override public Creation create() { return this; }
    @Override public LinearAlgebra linalg() { return this; }
    @Override public Elementwise elementwise() { return this; }
    @Override public Reductions reductions() { return this; }
    @Override public TransportKernels kernels() { return this; }

    @Override
    public String toString() {
        return "EjmlBackend";
    }

    // ---- creation -------------------------------------------------------------------------

    private EjmlTensor wrap(DMatrixRMaj m) {
        return new EjmlTensor(this, m);
    }

    private EjmlTensor wrap(double[] data, int rows, int cols) {
        return wrap(DMatrixRMaj.wrap(rows, cols, data));
    }

    private DMatrixRMaj m(Tensor t) {
        Checks.requireOwner(this, t);
        return ((EjmlTensor) t).matrix;
    }

    @Override
    public Tensor zeros(int rows, int cols) {
        new org.daetransport.api.Shape(rows, cols); // validates
        return wrap(new DMatrixRMaj(rows, cols));
    }

    @Override
    public Tensor fromArray(double[] rowMajor, int rows, int cols) {
        Checks.requireLength(rowMajor, rows, cols);
        Checks.requireFinite(rowMajor, "tensor data");
        return wrap(rowMajor.clone(), rows, cols);
    }

    // ---- linear algebra -------------------------------------------------------------------

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        DMatrixRMaj x = m(a);
        DMatrixRMaj y = m(b);
        ProductShape shape = ProductShape.of(a, transposeA, b, transposeB);
        boolean parallel = DenseGemm.worthParallel(shape.rows(), shape.inner(), shape.cols());
        double[] out = DenseGemm.multiply(x.data, x.numRows, x.numCols, transposeA,
                y.data, y.numRows, y.numCols, transposeB, parallel);
        return wrap(out, shape.rows(), shape.cols());
    }

    @Override
    public Tensor transpose(Tensor a) {
        return wrap(CommonOps_DDRM.transpose(m(a), null));
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return addScaled(a, 1.0, b);
    }

    @Override
    public Tensor subtract(Tensor a, Tensor b) {
        return addScaled(a, -1.0, b);
    }

    @Override
    public Tensor scale(Tensor a, double alpha) {
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), a.cols());
        CommonOps_DDRM.scale(alpha, m(a), out);
        return wrap(out);
    }

    @Override
    public Tensor addScaled(Tensor a, double alpha, Tensor b) {
        DMatrixRMaj x = m(a);
        DMatrixRMaj y = m(b);
        ShapeException.requireSameShape("addScaled", a, b);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        CommonOps_DDRM.add(x, alpha, y, out);
        return wrap(out);
    }

    @Override
    public Tensor addRowVector(Tensor a, Tensor row) {
        DMatrixRMaj x = m(a);
        DMatrixRMaj r = m(row);
        ShapeException.requireRowVectorFor("addRowVector", a, row);
        int c = x.numCols;
        double[] out = new double[x.numRows * c];
        double[] bias = r.data;
        double[] buffer = new double[c];
        // through a row buffer: every access in the inner loop has index j, so C2 vectorises it
        for (int i = 0, o = 0; i < x.numRows; i++, o += c) {
            System.arraycopy(x.data, o, buffer, 0, c);
            for (int j = 0; j < c; j++) {
                buffer[j] += bias[j];
            }
            System.arraycopy(buffer, 0, out, o, c);
        }
        return wrap(out, x.numRows, c);
    }

    @Override
    public SymmetricEigen symmetricEigen(Tensor symmetric) {
        DMatrixRMaj s = requireSquare("symmetricEigen", symmetric);
        int n = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(s.copy())) {
            throw new ArithmeticException("symmetric eigendecomposition failed for a " + symmetric.shape() + " matrix");
        }
        Integer[] order = new Integer[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        double[] sorted = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int col = 0; col < n; col++) {
            int src = order[col];
            sorted[col] = values[src];
            DMatrixRMaj v = eig.getEigenVector(src);
            double norm = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(v, v, null));
            double inv = 1.0 / Math.sqrt(norm);
            for (int row = 0; row < n; row++) {
                vectors.set(row, col, v.get(row) * inv);
            }
        }
        return new SymmetricEigen(sorted, wrap(vectors));
    }

    @Override
    public Tensor choleskySolve(Tensor spd, Tensor b) {
        DMatrixRMaj a = requireSquare("choleskySolve", spd);
        DMatrixRMaj rhs = m(b);
        ShapeException.requireRightHandSide("choleskySolve", spd, b);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(a.numRows);
        if (!solver.setA(a.copy())) {
            throw new NotPositiveDefiniteException("choleskySolve: the " + spd.shape() + " matrix is not symmetric positive definite");
        }
        DMatrixRMaj out = new DMatrixRMaj(rhs.numRows, rhs.numCols);
        solver.solve(rhs.copy(), out);
        return wrap(out);
    }

    private DMatrixRMaj requireSquare(String op, Tensor t) {
        ShapeException.requireSquare(op, t);
        return m(t);
    }

    // ---- element-wise ---------------------------------------------------------------------

    private Tensor map(Tensor a, DoubleUnaryOperator f) {
        double[] src = m(a).data;
        int n = a.rows() * a.cols();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.applyAsDouble(src[i]);
        }
        return wrap(out, a.rows(), a.cols());
    }

    @Override
    public Tensor apply(Tensor a, Activation f) {
        return f == Activation.RELU ? map(a, v -> v > 0 ? v : 0.0) : map(a, f::value);
    }

    @Override
    public Tensor derivative(Tensor a, Activation f) {
        return map(a, f::derivative);
    }

    @Override
    public Tensor multiply(Tensor a, Tensor b) {
        DMatrixRMaj x = m(a);
        DMatrixRMaj y = m(b);
        ShapeException.requireSameShape("multiply", a, b);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        CommonOps_DDRM.elementMult(x, y, out);
        return wrap(out);
    }

    // ---- reductions -----------------------------------------------------------------------

    @Override
    public Tensor columnSums(Tensor a) {
        DMatrixRMaj x = m(a);
        double[] out = new double[x.numCols];
        int c = x.numCols;
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < c; j++) {
                out[j] += x.data[i * c + j];
            }
        }
        return wrap(out, 1, c);
    }

    @Override
    public Tensor rowSums(Tensor a) {
        DMatrixRMaj x = m(a);
        double[] out = new double[x.numRows];
        int c = x.numCols;
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int j = 0; j < c; j++) {
                s += x.data[i * c + j];
            }
            out[i] = s;
        }
        return wrap(out, x.numRows, 1);
    }

    @Override
    public double sum(Tensor a) {
        return CommonOps_DDRM.elementSum(m(a));
    }

    // ---- transport kernels ----------------------------------------------------------------

    @Override
    public Tensor pairwiseSquaredDistances(Tensor x, Tensor y) {
        DMatrixRMaj a = m(x);
        DMatrixRMaj b = m(y);
        ShapeException.requireSameDimension("pairwiseSquaredDistances", x, y);
        int n = a.numRows;
        int mm = b.numRows;
        int d = a.numCols;
        double[] out = new double[n * mm];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < mm; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double diff = a.data[i * d + c] - b.data[j * d + c];
                    s += diff * diff;
                }
                out[i * mm + j] = s;
            }
        }
        return wrap(out, n, mm);
    }

    @Override
    public Tensor logSumExpRows(Tensor a) {
        DMatrixRMaj x = m(a);
        int c = x.numCols;
        double[] out = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            out[i] = logSumExp(x.data, i * c, c);
        }
        return wrap(out, x.numRows, 1);
    }

    @Override
    public Tensor softmaxRows(Tensor a) {
        DMatrixRMaj x = m(a);
        int c = x.numCols;
        double[] out = new double[x.numRows * c];
        for (int i = 0; i < x.numRows; i++) {
            double lse = logSumExp(x.data, i * c, c);
            for (int j = 0; j < c; j++) {
                out[i * c + j] = Math.exp(x.data[i * c + j] - lse);
            }
        }
        return wrap(out, x.numRows, c);
    }

    private static double logSumExp(double[] a, int from, int len) {
        if (len == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < len; j++) {
            max = Math.max(max, a[from + j]);
        }
        double s = 0;
        for (int j = 0; j < len; j++) {
            s += Math.exp(a[from + j] - max);
        }
        return max + Math.log(s);
    }

    @Override
    public KernelAverage kernelAverage(Tensor x, Tensor y, Tensor values, Tensor logWeights, double t) {
        DMatrixRMaj a = m(x);
        DMatrixRMaj b = m(y);
        DMatrixRMaj v = m(values);
        DMatrixRMaj lw = logWeights == null ? null : m(logWeights);
        KernelShapes.check(x, y, values, logWeights, t);
        int n = a.numRows;
        int k = v.numCols;
        double[] avg = new double[n * k];
        double[] lse = new double[n];
        if (a.numCols > GemmFormKernel.MIN_DIMENSION) {
            GemmFormKernel.compute(a.data, n, b.data, b.numRows, a.numCols, v.data, k, lw == null ? null : lw.data, t, avg, lse);
        } else {
            FusedGaussianKernel.compute(a.data, n, b.data, b.numRows, a.numCols, v.data, k, lw == null ? null : lw.data, t, avg, lse);
        }
        return new KernelAverage(wrap(avg, n, k), wrap(lse, n, 1));
    }

}
