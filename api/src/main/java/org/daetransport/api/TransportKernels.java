package org.daetransport.api;

/**
 * The transport kernels. Those over query points {@code x} (N x d) and reference points {@code y}
 * (M x d) are blocked: their memory is O(N + M), no N x M matrix is materialised.
 */
public interface TransportKernels {

    /** {@code D_ij = |x_i - y_j|^2} as an N x M tensor; materialises the matrix, so for small N, M only. */
    Tensor pairwiseSquaredDistances(Tensor x, Tensor y);

    /** Row-wise {@code log sum_j exp(a_ij)}, stable for any finite entries: an N x 1 column. */
    Tensor logSumExpRows(Tensor a);

    /** Row-wise softmax {@code exp(a_ij) / sum_k exp(a_ik)}. */
    Tensor softmaxRows(Tensor a);

    /**
     * The general Gaussian-kernel average, blocked. With logits
     * {@code l_ij = -|x_i - y_j|^2 / (2 t) + logWeights_j} it returns
     * {@code average_i = sum_j softmax_j(l_i.) values_j} (N x k) and
     * {@code logSumExp_i = log sum_j exp(l_ij)} (N x 1).
     *
     * @param values     M x k values averaged (often {@code y} itself)
     * @param logWeights M x 1 log-weights of the reference points, or {@code null} for zeros
     * @param t          the kernel variance, > 0
     */
    KernelAverage kernelAverage(Tensor x, Tensor y, Tensor values, Tensor logWeights, double t);

    /**
     * {@code out_i = sum_j softmax_j(-|x_i - y_j|^2 / (2t)) y_j}: the optimal empirical DAE of
     * noise variance t applied to {@code x}. Blocked, O(N + M) memory.
     */
    default Tensor kernelWeightedAverage(Tensor x, Tensor y, double t) {
        return kernelAverage(x, y, y, null, t).average();
    }

    /** Result of {@link #kernelAverage}. */
    record KernelAverage(Tensor average, Tensor logSumExp) {
    }
}
