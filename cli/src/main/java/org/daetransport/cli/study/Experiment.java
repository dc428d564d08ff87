package org.daetransport.cli.study;

import java.nio.file.Path;
import org.daetransport.api.Backend;
import org.daetransport.cli.report.Section;

/** One experiment of the study: it computes, writes its figures and returns its report section. */
public interface Experiment {

    /** The key of its numbers in summary.json. */
    String name();

    /** What the experiment computes, for its progress bar. */
    String title();

    Section run(Context context);

    /**
     * What an experiment runs with.
     *
     * @param figures the folder its PNG files go into
     * @param quick   the small version ({@code --quick})
     */
    record Context(Backend backend, long seed, boolean quick, Path figures) {

        /** {@code full} normally, {@code small} with {@code --quick}. */
        public int size(int full, int small) {
            return quick ? small : full;
        }
    }
}
