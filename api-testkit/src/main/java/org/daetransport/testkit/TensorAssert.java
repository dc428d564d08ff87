package org.daetransport.testkit;

import org.assertj.core.api.AbstractAssert;
import org.daetransport.api.Tensor;

/**
 * AssertJ assertions on tensors: {@code |actual - expected| <= atol + rtol |expected|} entry by
 * entry, with tolerances chosen at the call site.
 */
public final class TensorAssert extends AbstractAssert<TensorAssert, Tensor> {

    private double atol = 0.0;
    private double rtol = 0.0;

    private TensorAssert(Tensor actual) {
        super(actual, TensorAssert.class);
    }

    public static TensorAssert assertThat(Tensor actual) {
        return new TensorAssert(actual);
    }

    /** Sets the absolute and relative tolerance for the comparisons that follow. */
    public TensorAssert within(double absolute, double relative) {
        this.atol = absolute;
        this.rtol = relative;
        return this;
    }

    public TensorAssert hasShape(int rows, int cols) {
        isNotNull();
        if (actual.rows() != rows || actual.cols() != cols) {
            failWithMessage("expected shape %dx%d but was %s", rows, cols, actual.shape());
        }
        return this;
    }

    /** Compares with a row-major array of the same shape. */
    public TensorAssert isCloseTo(double[] expectedRowMajor, int rows, int cols) {
        hasShape(rows, cols);
        double[] a = actual.toArray();
        for (int i = 0; i < a.length; i++) {
            double e = expectedRowMajor[i];
            double err = Math.abs(a[i] - e);
            if (!(err <= atol + rtol * Math.abs(e))) {
                failWithMessage("entry (%d,%d): expected %s but was %s (error %s > atol %s + rtol %s * |expected|)",
                        i / cols, i % cols, e, a[i], err, atol, rtol);
            }
        }
        return this;
    }

    public TensorAssert isCloseTo(double[][] expectedRows) {
        int r = expectedRows.length;
        int c = r == 0 ? 0 : expectedRows[0].length;
        double[] flat = new double[r * c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(expectedRows[i], 0, flat, i * c, c);
        }
        return isCloseTo(flat, r, c);
    }

    /** Compares with another tensor (of any backend). */
    public TensorAssert isCloseTo(Tensor expected) {
        return isCloseTo(expected.toArray(), expected.rows(), expected.cols());
    }
}
