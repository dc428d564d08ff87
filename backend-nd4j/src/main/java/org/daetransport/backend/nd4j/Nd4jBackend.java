package org.daetransport.backend.nd4j;

import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
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
import org.daetransport.api.Shape;
import org.daetransport.api.ShapeException;
import org.daetransport.api.SymmetricEigen;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportKernels;
import org.daetransport.api.cpu.FusedGaussianKernel;
import org.nd4j.linalg.api.blas.BlasException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.custom.TriangularSolve;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The native backend on ND4J (OpenBLAS and libnd4j), float64 throughout.
 *
 * <p>Tensors keep their entries on the Java heap; each operation copies its operands into an ND4J
 * workspace (see {@link Scratch}), computes there and copies the result out, so native memory is
 * reused across calls and nothing native outlives an operation. Matrix products write straight
 * into a column-major output whose buffer is the row-major result, the layout BLAS {@code dgemm}
 * computes without copies. Kernel averages in small dimensions use the fused pure-Java kernel,
 * in larger ones a blocked GEMM form (see {@link GemmGaussianKernel}).
 *
 * <p>Creating the backend loads ND4J's native libraries and sets ND4J's default floating type to
 * float64 (ND4J's own default is float32); that setting is global to the JVM.
 */
public final class Nd4jBackend implements Backend, Creation, LinearAlgebra, Elementwise, Reductions, TransportKernels {

    public static final String NAME = "nd4j";

    /** Up to this dimension the fused pure-Java kernel beats the GEMM form (see DESIGN.md). */
    static final int FUSED_KERNEL_MAX_DIMENSION = 8;

    /**
     * Loads ND4J (and its native libraries, on first use: about a second) and sets its default
     * floating type to float64. {@link Nd4jBackendProvider#create()} does the same.
     */
    public Nd4jBackend() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override public String name() { return NAME; }
    @Override public boolean nativeBlas() { return true; }
    @Override public boolean gpu() { return false; }
    @Override public Creation create() { return this; }
    @Override public LinearAlgebra linalg() { return this; }
    @Override public Elementwise elementwise() { return this; }
    @Override public Reductions reductions() { return this; }
    @Override public TransportKernels kernels() { return this; }

    /** Frees the native scratch memory of the calling thread (other threads keep theirs). */
    @Override
    public void close() {
        Scratch.destroyForCurrentThread();
    }

    @Override
    public String toString() {
        return "Nd4jBackend";
    }

    // ---- heap tensors <-> native arrays -------------------------------------------------------

    private Nd4jTensor wrap(double[] rowMajor, int rows, int cols) {
        return new Nd4jTensor(this, rowMajor, rows, cols);
    }

    private Nd4jTensor own(Tensor t) {
        Checks.requireOwner(this, t);
        return (Nd4jTensor) t;
    }

    /** The tensor as a native row-major array in the open workspace. */
    private static INDArray in(Nd4jTensor t) {
        return Scratch.in(t.data, t.rows(), t.cols(), 'c');
    }

    /** Copies a native result of shape rows x cols (any order) into a new tensor. */
    private Nd4jTensor out(INDArray a, int rows, int cols) {
        return wrap(Scratch.outRowMajor(a), rows, cols);
    }

    private static boolean empty(Tensor t) {
        return t.rows() == 0 || t.cols() == 0;
    }

    /** Applies a native map to a tensor inside a workspace; empty tensors map to empty tensors. */
    private Tensor map(Tensor a, UnaryOperator<INDArray> f) {
        Nd4jTensor x = own(a);
        if (empty(x)) {
            return zeros(x.rows(), x.cols());
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            return out(f.apply(in(x)), x.rows(), x.cols());
        }
    }

    /** Applies a native binary map to two tensors of the same shape inside a workspace. */
    private Tensor zip(String op, Tensor a, Tensor b, BinaryOperator<INDArray> f) {
        Nd4jTensor x = own(a);
        Nd4jTensor y = own(b);
        ShapeException.requireSameShape(op, a, b);
        if (empty(x)) {
            return zeros(x.rows(), x.cols());
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            return out(f.apply(in(x), in(y)), x.rows(), x.cols());
        }
    }

    // ---- creation -------------------------------------------------------------------------------

    @Override
    public Tensor zeros(int rows, int cols) {
        new Shape(rows, cols); // validates
        return wrap(new double[rows * cols], rows, cols);
    }

    @Override
    public Tensor fromArray(double[] rowMajor, int rows, int cols) {
        Checks.requireLength(rowMajor, rows, cols);
        Checks.requireFinite(rowMajor, "tensor data");
        return wrap(rowMajor.clone(), rows, cols);
    }

    // ---- linear algebra -------------------------------------------------------------------------

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        Nd4jTensor x = own(a);
        Nd4jTensor y = own(b);
        ProductShape shape = ProductShape.of(a, transposeA, b, transposeB);
        int ar = shape.rows();
        int bc = shape.cols();
        if (shape.empty()) {
            return zeros(ar, bc);
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            // C = op(A) op(B) row-major is C^T = op(B)^T op(A)^T column-major: compute the latter
            // into a column-major (bc x ar) output, whose buffer is then exactly row-major C.
            INDArray ct = Scratch.empty(bc, ar, 'f');
            Nd4j.gemm(in(y), in(x), ct, !transposeB, !transposeA, 1.0, 0.0);
            return wrap(Scratch.outBuffer(ct), ar, bc);
        }
    }

    @Override
    public Tensor transpose(Tensor a) {
        Nd4jTensor x = own(a);
        if (empty(x)) {
            return zeros(x.cols(), x.rows());
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            return out(in(x).transpose(), x.cols(), x.rows());
        }
    }

    @Override
    public Tensor add(Tensor a, Tensor b) {
        return zip("add", a, b, INDArray::addi);
    }

    @Override
    public Tensor subtract(Tensor a, Tensor b) {
        return zip("subtract", a, b, INDArray::subi);
    }

    @Override
    public Tensor scale(Tensor a, double alpha) {
        return map(a, x -> x.muli(alpha));
    }

    @Override
    public Tensor addScaled(Tensor a, double alpha, Tensor b) {
        return zip("addScaled", a, b, (x, y) -> y.muli(alpha).addi(x));
    }

    @Override
    public Tensor addRowVector(Tensor a, Tensor row) {
        Nd4jTensor x = own(a);
        Nd4jTensor r = own(row);
        ShapeException.requireRowVectorFor("addRowVector", a, row);
        if (empty(x)) {
            return zeros(x.rows(), x.cols());
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            return out(in(x).addiRowVector(in(r)), x.rows(), x.cols());
        }
    }

    @Override
    public SymmetricEigen symmetricEigen(Tensor symmetric) {
        Nd4jTensor s = requireSquare("symmetricEigen", symmetric);
        int n = s.rows();
        if (n == 0) {
            return new SymmetricEigen(new double[0], zeros(0, 0));
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            // LAPACK dsyev on the column-major copy (the same matrix, being symmetric); it
            // overwrites the copy with the orthonormal eigenvectors as columns, values ascending.
            INDArray vectors = Scratch.in(s.data, n, n, 'f');
            INDArray values = Nd4j.createUninitialized(DataType.DOUBLE, n);
            int status;
            try {
                status = Nd4j.getBlasWrapper().lapack().syev('V', 'L', vectors, values);
            } catch (BlasException e) {
                status = -1;
            }
            double[] sorted = Scratch.outRowMajor(values);
            if (status != 0 || !Arrays.stream(sorted).allMatch(Double::isFinite)) {
                throw new ArithmeticException("symmetric eigendecomposition failed for a " + symmetric.shape() + " matrix");
            }
            return new SymmetricEigen(sorted, out(vectors, n, n));
        }
    }

    @Override
    public Tensor choleskySolve(Tensor spd, Tensor b) {
        Nd4jTensor a = requireSquare("choleskySolve", spd);
        Nd4jTensor rhs = own(b);
        ShapeException.requireRightHandSide("choleskySolve", spd, b);
        int n = a.rows();
        int k = rhs.cols();
        if (n == 0 || k == 0) {
            return zeros(n, k);
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            INDArray factor = Scratch.in(a.data, n, n, 'f'); // symmetric: column-major copy is the matrix
            try {
                Nd4j.getBlasWrapper().lapack().potrf(factor, true); // A = L L^T, L in the lower triangle
            } catch (BlasException e) {
                if (e.getErrorCode() > 0) {
                    throw new NotPositiveDefiniteException("choleskySolve: the " + spd.shape()
                            + " matrix is not symmetric positive definite (leading minor " + e.getErrorCode() + " is not positive)");
                }
                throw e;
            }
            // forward substitution L y = b, then back substitution L^T x = y
            INDArray lower = factor.dup('c');
            INDArray upper = factor.transpose().dup('c');
            INDArray yv = Nd4j.exec(new TriangularSolve(lower, in(rhs), true, false))[0];
            INDArray x = Nd4j.exec(new TriangularSolve(upper, yv, false, false))[0];
            return out(x, n, k);
        }
    }

    private Nd4jTensor requireSquare(String op, Tensor t) {
        ShapeException.requireSquare(op, t);
        return own(t);
    }

    // ---- element-wise ---------------------------------------------------------------------------

    @Override
    public Tensor apply(Tensor a, Activation f) {
        return map(a, x -> switch (f) {
            case IDENTITY -> x;
            case TANH -> Transforms.tanh(x, false);
            case RELU -> Transforms.relu(x, false);
            case SIGMOID -> Transforms.sigmoid(x, false);
            case SOFTPLUS -> softplus(x);
        });
    }

    @Override
    public Tensor derivative(Tensor a, Activation f) {
        return map(a, x -> switch (f) {
            case IDENTITY -> x.assign(1.0);
            case TANH -> {
                INDArray t = Transforms.tanh(x, false);
                yield t.muli(t).rsubi(1.0); // 1 - tanh^2
            }
            case RELU -> Transforms.step(x, false); // 1 where x > 0, else 0 (also at 0)
            case SIGMOID -> {
                INDArray s = Transforms.sigmoid(x, false);
                yield s.muli(s.rsub(1.0)); // s (1 - s)
            }
            case SOFTPLUS -> Transforms.sigmoid(x, false);
        });
    }

    /** {@code log(1 + e^x) = max(x, 0) + log1p(e^{-|x|})}, without overflow; overwrites {@code x}. */
    private static INDArray softplus(INDArray x) {
        INDArray tail = Transforms.log1p(Transforms.exp(Transforms.abs(x, true).negi(), false), false);
        return Transforms.relu(x, false).addi(tail);
    }

    @Override
    public Tensor multiply(Tensor a, Tensor b) {
        return zip("multiply", a, b, INDArray::muli);
    }

    // ---- reductions -----------------------------------------------------------------------------

    @Override
    public Tensor columnSums(Tensor a) {
        Nd4jTensor x = own(a);
        if (empty(x)) {
            return zeros(1, x.cols());
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            return out(in(x).sum(0), 1, x.cols());
        }
    }

    @Override
    public Tensor rowSums(Tensor a) {
        Nd4jTensor x = own(a);
        if (empty(x)) {
            return zeros(x.rows(), 1);
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            return out(in(x).sum(1), x.rows(), 1);
        }
    }

    @Override
    public double sum(Tensor a) {
        Nd4jTensor x = own(a);
        if (empty(x)) {
            return 0.0;
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            return in(x).sumNumber().doubleValue();
        }
    }

    // ---- transport kernels ----------------------------------------------------------------------

    @Override
    public Tensor pairwiseSquaredDistances(Tensor x, Tensor y) {
        Nd4jTensor a = own(x);
        Nd4jTensor b = own(y);
        ShapeException.requireSameDimension("pairwiseSquaredDistances", x, y);
        int n = a.rows();
        int m = b.rows();
        if (n == 0 || m == 0 || a.cols() == 0) {
            return zeros(n, m);
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            // sums of squared coordinate differences, one broadcast per coordinate: exact for close
            // points, unlike |x|^2 + |y|^2 - 2 x.y (this is the small-N operation; the blocked
            // kernels are where the GEMM form pays)
            INDArray xs = in(a);
            INDArray ys = in(b);
            INDArray total = Scratch.empty(n, m, 'c').assign(0.0);
            INDArray diff = Scratch.empty(n, m, 'c');
            for (int c = 0; c < a.cols(); c++) {
                diff.assign(0.0).addiColumnVector(xs.getColumn(c, true)).subiRowVector(ys.getColumn(c, true).reshape(1, m));
                total.addi(diff.muli(diff));
            }
            return out(total, n, m);
        }
    }

    @Override
    public Tensor logSumExpRows(Tensor a) {
        Nd4jTensor x = own(a);
        if (x.rows() == 0) {
            return zeros(0, 1);
        }
        if (x.cols() == 0) { // the sum over nothing: log 0
            double[] minusInfinity = new double[x.rows()];
            Arrays.fill(minusInfinity, Double.NEGATIVE_INFINITY);
            return wrap(minusInfinity, x.rows(), 1);
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            return out(logSumExpRows(in(x)), x.rows(), 1);
        }
    }

    @Override
    public Tensor softmaxRows(Tensor a) {
        Nd4jTensor x = own(a);
        if (empty(x)) {
            return zeros(x.rows(), x.cols());
        }
        try (MemoryWorkspace ws = Scratch.open(Scratch.OPERATION)) {
            INDArray logits = in(x);
            INDArray lse = logSumExpRows(logits.dup());
            return out(Transforms.exp(logits.subiColumnVector(lse), false), x.rows(), x.cols());
        }
    }

    /** Row-wise {@code max + log sum exp(a - max)} as a rows x 1 column; overwrites {@code a}. */
    private static INDArray logSumExpRows(INDArray a) {
        INDArray max = a.max(true, 1);
        INDArray sums = Transforms.exp(a.subiColumnVector(max), false).sum(true, 1);
        return Transforms.log(sums, false).addi(max);
    }

    @Override
    public KernelAverage kernelAverage(Tensor x, Tensor y, Tensor values, Tensor logWeights, double t) {
        Nd4jTensor a = own(x);
        Nd4jTensor b = own(y);
        Nd4jTensor v = own(values);
        Nd4jTensor lw = logWeights == null ? null : own(logWeights);
        KernelShapes.check(x, y, values, logWeights, t);
        int n = a.rows();
        int k = v.cols();
        int d = a.cols();
        double[] avg = new double[n * k];
        double[] lse = new double[n];
        double[] logw = lw == null ? null : lw.data;
        if (d <= FUSED_KERNEL_MAX_DIMENSION) {
            FusedGaussianKernel.compute(a.data, n, b.data, b.rows(), d, v.data, k, logw, t, avg, lse);
        } else {
            GemmGaussianKernel.compute(a.data, n, b.data, b.rows(), d, v.data, k, logw, t, avg, lse);
        }
        return new KernelAverage(wrap(avg, n, k), wrap(lse, n, 1));
    }
}
