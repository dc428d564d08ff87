package org.daetransport.backend.ejml;

import org.daetransport.api.Backend;
import org.daetransport.testkit.BackendContractTest;

class EjmlBackendContractTest extends BackendContractTest {

    @Override
    protected Backend createBackend() {
        return new EjmlBackend();
    }
}
