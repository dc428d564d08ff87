package org.daetransport.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native scratch memory for the ND4J backend: ND4J workspaces (one per thread and id) that every
 * operation opens around its native arrays, plus copying between heap arrays and native ones.
 *
 * <p>Every array allocated while a workspace is open lives in that workspace's memory and is
 * released, for reuse, when the workspace closes. A workspace learns the size it needs in its
 * first cycle and grows when a later cycle spills over, so a loop of operations reuses the same
 * native memory instead of piling up buffers that only the garbage collector would free.
 */
final class Scratch {

    /** Workspace of a whole operation: its inputs, outputs and temporaries. */
    static final String OPERATION = "daetransport-nd4j-op";
    /** Workspace of one block of a blocked kernel, nested inside {@link #OPERATION}. */
    static final String BLOCK = "daetransport-nd4j-block";

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.25)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Scratch() {
    }

    /** Opens (activates) the calling thread's workspace of that id; close it with try-with-resources. */
    static MemoryWorkspace open(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id);
    }

    /** Frees the calling thread's workspaces of this backend (they are recreated on next use). */
    static void destroyForCurrentThread() {
        var manager = Nd4j.getWorkspaceManager();
        for (String id : new String[] {BLOCK, OPERATION}) {
            if (manager.checkIfWorkspaceExists(id)) {
                manager.destroyWorkspace(manager.getWorkspaceForCurrentThread(id));
            }
        }
    }

    /** A new native {@code rows x cols} array in order {@code order} ('c' or 'f'), uninitialised. */
    static INDArray empty(int rows, int cols, char order) {
        return Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, cols}, order);
    }

    /**
     * A native array holding {@code data} as a {@code rows x cols} matrix stored in {@code order}:
     * with 'c' it is the row-major matrix, with 'f' the same buffer read column-major, that is the
     * transpose of the row-major matrix as a {@code rows x cols} array (the caller passes swapped
     * dimensions). Reads {@code data}, modifies nothing.
     */
    static INDArray in(double[] data, int rows, int cols, char order) {
        INDArray a = empty(rows, cols, order);
        a.data().asNioDouble().put(data, 0, rows * cols);
        return a;
    }

    /** Row-major copy of a native row-major array {@code a} that owns its whole buffer. */
    static double[] outRowMajor(INDArray a) {
        INDArray c = a.ordering() == 'c' && !a.isView() ? a : a.dup('c');
        double[] out = new double[(int) c.length()];
        c.data().asNioDouble().get(out);
        return out;
    }

    /** The raw buffer of a non-view array, in its storage order. */
    static double[] outBuffer(INDArray a) {
        double[] out = new double[(int) a.length()];
        a.data().asNioDouble().get(out);
        return out;
    }
}
