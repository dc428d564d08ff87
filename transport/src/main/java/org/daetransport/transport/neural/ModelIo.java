package org.daetransport.transport.neural;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.DenseLayer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Saves and loads networks and trained DAEs in the single-file format documented in
 * {@code docs/model-format.md}: magic {@code DAEM}, a format version, a length-prefixed UTF-8 JSON
 * header, the weights as little-endian float64 arrays, then a CRC32 of everything before it.
 * Files are written atomically (a temporary file in the same directory, then an atomic move), and
 * a file is either loaded whole or rejected: nothing is ever half-loaded.
 */
public final class ModelIo {

    /** The four magic bytes opening every model file. */
    public static final String MAGIC = "DAEM";
    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    static final String KIND_MLP = "mlp";
    static final String KIND_DAE = "trained-dae";
    private static final int HEADER_BYTES = 12;
    private static final int CRC_BYTES = 4;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ModelIo() {
    }

    /** One layer's shape and activation in the JSON header. */
    record LayerSpec(int in, int out, String activation) {
    }

    /** The JSON header; {@code t} and {@code provenance} only for a trained DAE. */
    record Header(String kind, List<LayerSpec> layers, Double t, Provenance provenance) {
    }

    /** Writes {@code model} to {@code file} atomically (replacing it); modifies only the file system. */
    public static void save(Mlp model, Path file) {
        write(new Header(KIND_MLP, specs(model), null, null), model, file);
    }

    /** Writes the DAE's network, noise level and provenance to {@code file} atomically (replacing it). */
    public static void save(TrainedDae dae, Path file) {
        write(new Header(KIND_DAE, specs(dae.model()), dae.t(), dae.provenance()), dae.model(), file);
    }

    /**
     * Loads a trained DAE onto {@code backend}.
     *
     * @throws IllegalArgumentException if the file cannot be read, is truncated or corrupted, has
     *                                  another format version, or holds a bare network
     */
    public static TrainedDae load(Path file, Backend backend) {
        Loaded loaded = read(file, backend);
        if (!KIND_DAE.equals(loaded.header.kind())) {
            throw new IllegalArgumentException("model file " + file + " holds a bare network (kind '" + loaded.header.kind()
                    + "'), not a trained DAE; load it with ModelIo.loadMlp");
        }
        try {
            return new TrainedDae(loaded.model, loaded.header.t(), loaded.header.provenance());
        } catch (RuntimeException e) {
            throw corrupted(file, "inconsistent DAE header: " + e.getMessage());
        }
    }

    /** Loads the network of any model file (a bare MLP or a trained DAE) onto {@code backend}; see {@link #load}. */
    public static Mlp loadMlp(Path file, Backend backend) {
        return read(file, backend).model;
    }

    private record Loaded(Header header, Mlp model) {
    }

    private static List<LayerSpec> specs(Mlp model) {
        List<LayerSpec> specs = new ArrayList<>();
        for (DenseLayer l : model.layers()) {
            specs.add(new LayerSpec(l.inputDim(), l.outputDim(), l.activation().name()));
        }
        return specs;
    }

    private static void write(Header header, Mlp model, Path file) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the model header: " + e.getMessage(), e);
        }
        long values = model.parameterCount();
        long total = HEADER_BYTES + (long) json.length + 8 * values + CRC_BYTES;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("model of " + values + " parameters is too large for one model file");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC.getBytes(StandardCharsets.US_ASCII));
        buf.putInt(FORMAT_VERSION);
        buf.putInt(json.length);
        buf.put(json);
        for (DenseLayer l : model.layers()) {
            for (double v : l.weights().toArray()) {
                buf.putDouble(v);
            }
            for (double v : l.bias().toArray()) {
                buf.putDouble(v);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());

        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, target.getFileName().toString() + ".", ".tmp");
            Files.write(tmp, buf.array());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one reported
                }
            }
        }
    }

    private static Loaded read(Path file, Backend backend) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("model file " + file + " cannot be read: " + e, e);
        }
        if (bytes.length < HEADER_BYTES + CRC_BYTES) {
            throw corrupted(file, "only " + bytes.length + " bytes, shorter than the fixed header and checksum");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        buf.get(magic);
        if (!MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            throw corrupted(file, "bad magic (not a DAEM model file)");
        }
        int version = buf.getInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("model file " + file + " has format version " + version
                    + "; this library reads version " + FORMAT_VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - CRC_BYTES);
        int stored = ByteBuffer.wrap(bytes, bytes.length - CRC_BYTES, CRC_BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc.getValue()) {
            throw corrupted(file, "CRC32 mismatch (file damaged or cut short)");
        }
        int jsonLength = buf.getInt();
        if (jsonLength < 0 || jsonLength > bytes.length - HEADER_BYTES - CRC_BYTES) {
            throw corrupted(file, "header length " + jsonLength + " exceeds the file");
        }
        Header header;
        try {
            header = JSON.readValue(bytes, HEADER_BYTES, jsonLength, Header.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw corrupted(file, "unreadable JSON header: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw corrupted(file, "unreadable JSON header: " + e.getMessage());
        }
        if (header == null || header.layers() == null || header.layers().isEmpty() || header.kind() == null) {
            throw corrupted(file, "header lists no layers or no kind");
        }
        long values = 0;
        for (LayerSpec s : header.layers()) {
            if (s == null || s.in() <= 0 || s.out() <= 0) {
                throw corrupted(file, "layer with non-positive dimensions " + s);
            }
            values += (long) s.in() * s.out() + s.out();
        }
        long expected = HEADER_BYTES + (long) jsonLength + 8 * values + CRC_BYTES;
        if (expected != bytes.length) {
            throw corrupted(file, "header describes " + values + " float64 values (" + expected
                    + " bytes in all) but the file has " + bytes.length + " bytes");
        }
        buf.position(HEADER_BYTES + jsonLength);
        List<DenseLayer> layers = new ArrayList<>();
        try {
            for (LayerSpec s : header.layers()) {
                double[] w = new double[s.in() * s.out()];
                double[] b = new double[s.out()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = buf.getDouble();
                }
                for (int i = 0; i < b.length; i++) {
                    b[i] = buf.getDouble();
                }
                Activation f = Activation.parse(s.activation());
                layers.add(new DenseLayer(backend.create().fromArray(w, s.in(), s.out()),
                        backend.create().fromArray(b, 1, s.out()), f));
            }
            return new Loaded(header, new Mlp(layers));
        } catch (IllegalArgumentException e) {
            throw corrupted(file, e.getMessage());
        }
    }

    private static IllegalArgumentException corrupted(Path file, String why) {
        return new IllegalArgumentException("model file " + file + " is truncated or corrupted: " + why);
    }
}
