package org.daetransport.api;

/** Argument checks of {@link TransportKernels#kernelAverage}, shared by every backend. */
public final class KernelShapes {

    private KernelShapes() {
    }

    public static void check(Tensor x, Tensor y, Tensor values, Tensor logWeights, double t) {
        Checks.requirePositive(t, "kernel variance t");
        if (x.cols() != y.cols()) {
            throw new ShapeException("kernelAverage: queries " + x.shape() + " and references " + y.shape()
                    + " have different dimensions");
        }
        if (y.rows() == 0) {
            throw new ShapeException("kernelAverage: the reference cloud " + y.shape() + " is empty");
        }
        if (values.rows() != y.rows()) {
            throw new ShapeException("kernelAverage: values " + values.shape() + " need one row per reference point "
                    + y.shape());
        }
        if (logWeights != null && (logWeights.rows() != y.rows() || logWeights.cols() != 1)) {
            throw new ShapeException("kernelAverage: log-weights " + logWeights.shape() + " must be "
                    + y.rows() + "x1 for references " + y.shape());
        }
    }
}
