package org.daetransport.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daetransport.api.BackendProvider;
import org.daetransport.api.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "backends", description = "Lists the numerical backends found on the class path (loads no native code).",
        footerHeading = "%nExamples:%n", footer = {"  dae backends", "  dae backends --json"})
final class BackendsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder human = new StringBuilder();
        for (BackendProvider p : Backends.providers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("available", p.available());
            row.put("nativeBlas", p.nativeBlas());
            row.put("gpu", p.gpu());
            rows.add(row);
            human.append(String.format("%-8s %s%s%s%s%n", p.name(), p.available() ? "available" : "unavailable",
                    p.nativeBlas() ? ", native BLAS" : ", pure Java", p.gpu() ? ", GPU" : "",
                    p.name().equals(Backends.DEFAULT) ? " (default)" : ""));
        }
        Output.print(common, Map.of("backends", rows), human.toString().stripTrailing());
        return 0;
    }
}
