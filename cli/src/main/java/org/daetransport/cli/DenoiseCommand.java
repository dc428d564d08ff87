package org.daetransport.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportMap;
import org.daetransport.transport.dae.OptimalDae;
import org.daetransport.transport.law.Law;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "denoise", description = "Applies the optimal (or a trained) DAE of noise variance T for a law to points.",
        footerHeading = "%nExamples:%n", footer = {
        "  dae denoise --law law.json --t 0.5 --in x.csv --out y.csv",
        "  dae denoise --law law.json --noise-cov c.csv --in x.csv --out y.csv --json"})
final class DenoiseCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--law", required = true, paramLabel = "L", description = "Law JSON file (gaussian, mixture, empirical or neural).")
    Path law;

    @Option(names = "--t", paramLabel = "T", description = "Noise variance T > 0 (with --noise-cov: a factor of C, default 1).")
    Double t;

    @Option(names = "--noise-cov", paramLabel = "F", description = "Anisotropic noise N(0, T*C): a d x d CSV matrix C.")
    Path noiseCov;

    @Option(names = "--in", required = true, paramLabel = "X", description = "Input points (CSV).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "Y", description = "Output points (CSV, written atomically).")
    Path out;

    @Override
    public Integer call() {
        Backend backend = Wiring.backend(common.backend);
        Tensor x = backend.create().fromRows(PointsCsv.read(in));
        TransportMap dae = NeuralLaws.isNeural(law) ? neural(backend) : optimal(backend);
        if (dae.inputDim() != x.cols()) {
            throw new InputException(in + ": points of dimension " + x.cols() + " for a law of dimension " + dae.inputDim());
        }
        Tensor y = dae.apply(x);
        PointsCsv.write(out, y.toRows());
        double disp = Clouds.meanDisplacement(x, y);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("n", x.rows());
        result.put("dim", x.cols());
        result.put("meanDisplacement", disp);
        Output.print(common, result, "denoised " + x.rows() + " points in dimension " + x.cols()
                + " into " + out + "; mean displacement " + Output.num(disp));
        return 0;
    }

    private TransportMap neural(Backend backend) {
        if (noiseCov != null) {
            throw new InputException(law + ": --noise-cov does not apply to a neural law (the trained DAE has its own noise)");
        }
        return NeuralLaws.dae(law, backend, t);
    }

    private TransportMap optimal(Backend backend) {
        Law l = LawFiles.read(law, backend);
        if (noiseCov != null) {
            double factor = t == null ? 1.0 : positive(t);
            double[][] c = PointsCsv.read(noiseCov);
            for (double[] row : c) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= factor;
                }
            }
            return OptimalDae.of(l, c);
        }
        if (t == null) {
            throw new InputException("denoise needs the noise variance --t (or --noise-cov)");
        }
        return OptimalDae.of(l, positive(t));
    }

    static double positive(double t) {
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new InputException("the noise variance t must be positive and finite, got " + t);
        }
        return t;
    }
}
