package org.daetransport.backend.nd4j;

import org.daetransport.api.Backend;
import org.daetransport.testkit.BackendContractTest;
import org.junit.jupiter.api.Tag;

@Tag("native")
class Nd4jBackendContractTest extends BackendContractTest {

    @Override
    protected Backend createBackend() {
        return new Nd4jBackendProvider().create();
    }
}
