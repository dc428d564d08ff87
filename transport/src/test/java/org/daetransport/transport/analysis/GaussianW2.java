package org.daetransport.transport.analysis;

import org.daetransport.api.Backend;
import org.daetransport.api.SymmetricEigen;
import org.daetransport.api.Tensor;
import org.daetransport.transport.ot.W2Distance;
import org.daetransport.transport.ot.W2Result;

/**
 * Test-local W2 between the Gaussians fitted to two clouds (Bures formula, PAPER.md section 5):
 * {@code |a-b|^2 + tr A + tr B - 2 tr (A^1/2 B A^1/2)^1/2}. A lower bound-style stand-in for the
 * exact W2 of large clouds, enough to exercise the analysis.
 */
public final class GaussianW2 implements W2Distance {

    @Override
    public String method() {
        return "gaussian-test";
    }

    @Override
    public W2Result distance(Tensor a, Tensor b) {
        Backend be = a.backend();
        Tensor ma = be.reductions().columnMeans(a);
        Tensor mb = be.reductions().columnMeans(b);
        double meanSq = be.reductions().sum(be.elementwise().square(be.linalg().subtract(ma, mb)));
        Tensor ca = covariance(a, ma);
        Tensor cb = covariance(b, mb);
        Tensor rootA = sqrtPsd(ca);
        Tensor middle = be.linalg().matmul(be.linalg().matmul(rootA, cb), rootA);
        double cross = trace(sqrtPsd(symmetrise(middle)));
        double w2sq = meanSq + trace(ca) + trace(cb) - 2 * cross;
        return W2Result.direct(Math.sqrt(Math.max(0, w2sq)), method());
    }

    private static Tensor covariance(Tensor x, Tensor mean) {
        Backend be = x.backend();
        Tensor centred = be.linalg().addRowVector(x, be.linalg().scale(mean, -1));
        return be.linalg().scale(be.linalg().matmul(centred, true, centred, false), 1.0 / x.rows());
    }

    private static Tensor symmetrise(Tensor m) {
        Backend be = m.backend();
        return be.linalg().scale(be.linalg().add(m, be.linalg().transpose(m)), 0.5);
    }

    private static Tensor sqrtPsd(Tensor s) {
        Backend be = s.backend();
        SymmetricEigen eig = be.linalg().symmetricEigen(s);
        double[] values = eig.values().clone();
        int d = values.length;
        double[] v = eig.vectors().toArray();
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += v[i * d + k] * Math.sqrt(Math.max(0, values[k])) * v[j * d + k];
                }
                out[i * d + j] = sum;
            }
        }
        return be.create().fromArray(out, d, d);
    }

    private static double trace(Tensor m) {
        double s = 0;
        for (int i = 0; i < m.rows(); i++) {
            s += m.get(i, i);
        }
        return s;
    }
}
