package org.daetransport.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The recorded states of a point cloud moved by a scheme or a network: state 0 is the input.
 * It is itself a {@link StepHandler}, so a scheme records into it like any other observer.
 */
public final class Trajectory implements StepHandler {

    /** One recorded state: the step (0 for the input), its time, and the points. */
    public record State(int step, double time, Tensor points) {
    }

    private final List<State> states = new ArrayList<>();

    @Override
    public void init(double t0, Tensor points) {
        states.clear();
        states.add(new State(0, t0, points));
    }

    @Override
    public void handleStep(int step, double t, Tensor points) {
        states.add(new State(step, t, points));
    }

    /** Appends a state. */
    public void add(int step, double time, Tensor points) {
        states.add(new State(step, time, points));
    }

    public List<State> states() {
        return Collections.unmodifiableList(states);
    }

    public int size() {
        return states.size();
    }

    public State get(int i) {
        return states.get(i);
    }

    public State last() {
        return states.get(states.size() - 1);
    }
}
