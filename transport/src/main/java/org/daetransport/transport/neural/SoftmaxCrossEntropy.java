package org.daetransport.transport.neural;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;

/**
 * Softmax cross-entropy on logits: {@code mean_i [log sum_k exp(z_ik) - sum_k y_ik z_ik]} for
 * targets {@code y} given as one-hot (or probability) rows. The network's last layer should be
 * linear ({@code IDENTITY}); the softmax is part of the loss. Gradient {@code (softmax(z) - y) / N}.
 */
public final class SoftmaxCrossEntropy implements Loss {

    @Override
    public String name() {
        return "softmax-cross-entropy";
    }

    @Override
    public Evaluation evaluate(Tensor logits, Tensor target) {
        Backend b = logits.backend();
        int n = logits.rows();
        double logNormaliser = b.reductions().sum(b.kernels().logSumExpRows(logits));
        double targetLogits = b.reductions().sum(b.elementwise().multiply(target, logits));
        double value = (logNormaliser - targetLogits) / n;
        Tensor gradient = b.linalg().scale(b.linalg().subtract(b.kernels().softmaxRows(logits), target), 1.0 / n);
        return new Evaluation(value, gradient);
    }

    /**
     * One-hot rows for class labels {@code 0..classes-1}.
     *
     * @throws IllegalArgumentException for a label outside the range
     */
    public static Tensor oneHot(Backend backend, int[] labels, int classes) {
        double[] y = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside 0.." + (classes - 1));
            }
            y[i * classes + labels[i]] = 1.0;
        }
        return backend.create().fromArray(y, labels.length, classes);
    }

    /** The index of the largest entry of each row (the predicted class; the first on ties). */
    public static int[] argmaxRows(Tensor scores) {
        double[] s = scores.toArray();
        int c = scores.cols();
        int[] out = new int[scores.rows()];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (s[i * c + k] > s[i * c + best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The fraction of rows whose largest score is at the row's label. */
    public static double accuracy(Tensor scores, int[] labels) {
        if (labels.length != scores.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + scores.rows() + " rows");
        }
        int[] predicted = argmaxRows(scores);
        int hits = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                hits++;
            }
        }
        return (double) hits / labels.length;
    }
}
