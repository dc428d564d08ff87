package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.Checks;
import org.daetransport.api.DenseLayer;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multilayer perceptron: a chain of {@link DenseLayer}s whose dimensions must match, read as the
 * transport map {@code x -> g_L(...g_1(x))}. Immutable.
 */
public final class Mlp implements TransportMap {

    private final List<DenseLayer> layers;

    /**
     * A network from its layers, first to last; every layer's output dimension must equal the next
     * layer's input dimension and all weights must belong to one backend.
     *
     * @throws IllegalArgumentException if the list is empty or two consecutive layers do not chain
     */
    public Mlp(List<DenseLayer> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            DenseLayer prev = layers.get(k - 1);
            DenseLayer next = layers.get(k);
            if (prev.outputDim() != next.inputDim()) {
                throw new IllegalArgumentException("MLP layers do not chain: layer " + (k + 1) + " expects input dimension "
                        + next.inputDim() + " but layer " + k + " outputs dimension " + prev.outputDim());
            }
            Checks.requireOwner(layers.get(0).weights().backend(), next.weights());
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * A freshly initialised network {@code dims[0] -> dims[1] -> ... -> dims[L]}: weights
     * {@code N(0, s^2)} with He scale {@code s^2 = 2/fanIn} before a ReLU and Glorot scale
     * {@code s^2 = 2/(fanIn + fanOut)} otherwise, biases zero. The samples come from
     * {@link SeededNormal} on one {@link SplittableRandom} seeded with {@code seed}, so every backend
     * gets identical weights.
     *
     * @param dims   layer widths, at least two, all positive
     * @param hidden activation of every layer but the last
     * @param output activation of the last layer
     */
    public static Mlp create(Backend backend, int[] dims, Activation hidden, Activation output, long seed) {
        if (dims == null || dims.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output dimension, got "
                    + Arrays.toString(dims));
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("MLP dimensions must be positive, got " + Arrays.toString(dims));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<DenseLayer> layers = new ArrayList<>();
        for (int k = 0; k + 1 < dims.length; k++) {
            int fanIn = dims[k];
            int fanOut = dims[k + 1];
            Activation f = k + 2 == dims.length ? output : hidden;
            double variance = f == Activation.RELU ? 2.0 / fanIn : 2.0 / (fanIn + fanOut);
            double[] w = SeededNormal.fill(new double[fanIn * fanOut], random);
            double s = Math.sqrt(variance);
            for (int i = 0; i < w.length; i++) {
                w[i] *= s;
            }
            layers.add(new DenseLayer(backend.create().fromArray(w, fanIn, fanOut),
                    backend.create().zeros(1, fanOut), f));
        }
        return new Mlp(layers);
    }

    /** The layers, first to last (unmodifiable). */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** The number of layers. */
    public int depth() {
        return layers.size();
    }

    /** The widths {@code [inputDim, out_1, ..., out_L]}. */
    public int[] dims() {
        int[] dims = new int[layers.size() + 1];
        dims[0] = inputDim();
        for (int k = 0; k < layers.size(); k++) {
            dims[k + 1] = layers.get(k).outputDim();
        }
        return dims;
    }

    /** The backend owning the weights. */
    public Backend backend() {
        return layers.get(0).weights().backend();
    }

    /** The number of trainable parameters. */
    public long parameterCount() {
        long n = 0;
        for (DenseLayer l : layers) {
            n += (long) l.inputDim() * l.outputDim() + l.outputDim();
        }
        return n;
    }

    @Override
    public int inputDim() {
        return layers.get(0).inputDim();
    }

    @Override
    public int outputDim() {
        return layers.get(layers.size() - 1).outputDim();
    }

    /** The network output for the batch {@code x} (N x inputDim); modifies nothing. */
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (DenseLayer l : layers) {
            h = l.forward(h);
        }
        return h;
    }

    /** Every layer's output for the batch {@code x}: element {@code k} is {@code x_{k+1}}; modifies nothing. */
    public List<Tensor> forwardAll(Tensor x) {
        List<Tensor> out = new ArrayList<>(layers.size());
        Tensor h = x;
        for (DenseLayer l : layers) {
            h = l.forward(h);
            out.add(h);
        }
        return out;
    }

    @Override
    public Tensor apply(Tensor points) {
        return forward(points);
    }

    /** This network with its weights copied onto {@code backend}. */
    public Mlp copyTo(Backend backend) {
        List<DenseLayer> copy = new ArrayList<>();
        for (DenseLayer l : layers) {
            copy.add(new DenseLayer(backend.create().copyOf(l.weights()), backend.create().copyOf(l.bias()), l.activation()));
        }
        return new Mlp(copy);
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(dims());
    }
}
