package org.daetransport.flows;

import org.daetransport.api.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * {@code sum_k w_k F_k}: the weighted sum of functionals. Nested sums are flattened, so
 * {@link #terms()} lists the leaf functionals with their total weights.
 */
public final class WeightedSum implements Functional {

    /** One weighted leaf of the sum. */
    public record Term(double weight, Functional functional) {
        public Term {
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight of " + functional.name() + " must be finite, got " + weight);
            }
            if (functional instanceof WeightedSum) {
                throw new IllegalArgumentException("terms of a weighted sum are leaves, not sums");
            }
        }
    }

    private final List<Term> terms;

    private WeightedSum(List<Term> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a weighted sum needs at least one term");
        }
        this.terms = List.copyOf(terms);
    }

    /** {@code w * f}, flattening {@code f} if it is itself a sum. */
    public static WeightedSum of(double w, Functional f) {
        List<Term> out = new ArrayList<>();
        addScaled(out, w, f);
        return new WeightedSum(out);
    }

    private static void addScaled(List<Term> out, double w, Functional f) {
        if (f instanceof WeightedSum s) {
            for (Term t : s.terms) {
                out.add(new Term(w * t.weight(), t.functional()));
            }
        } else {
            out.add(new Term(w, f));
        }
    }

    /** The leaves with their weights, in the order they were added. */
    public List<Term> terms() {
        return terms;
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    public double value(Tensor particles) {
        double sum = 0;
        for (Term t : terms) {
            sum += t.weight() * t.functional().value(particles);
        }
        return sum;
    }

    @Override
    public Tensor velocity(Tensor particles) {
        return evaluate(particles).velocity();
    }

    @Override
    public Evaluation evaluate(Tensor particles) {
        double value = 0;
        double[] v = new double[particles.rows() * particles.cols()];
        for (Term t : terms) {
            Evaluation e = t.functional().evaluate(particles);
            value += t.weight() * e.value();
            double[] vt = e.velocity().toArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += t.weight() * vt[i];
            }
        }
        return new Evaluation(value, particles.backend().create().fromArray(v, particles.rows(), particles.cols()));
    }

    @Override
    public Functional fixedAt(Tensor particles) {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) {
            out.add(new Term(t.weight(), t.functional().fixedAt(particles)));
        }
        return new WeightedSum(out);
    }

    @Override
    public OptionalDouble bandwidth() {
        for (Term t : terms) {
            OptionalDouble b = t.functional().bandwidth();
            if (b.isPresent()) {
                return b;
            }
        }
        return OptionalDouble.empty();
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            if (t.weight() != 1.0) {
                sb.append(t.weight()).append(" * ");
            }
            sb.append(t.functional().describe());
        }
        return sb.toString();
    }

    @Override
    public Functional times(double w) {
        return of(w, this);
    }

    @Override
    public Functional plus(Functional other) {
        List<Term> out = new ArrayList<>(terms);
        addScaled(out, 1.0, other);
        return new WeightedSum(out);
    }

    @Override
    public String toString() {
        return describe();
    }
}
