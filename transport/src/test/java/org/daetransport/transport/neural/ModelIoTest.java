package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelIoTest {

    private final Backend b = new EjmlBackend();

    @TempDir
    Path dir;

    private TrainedDae trained() {
        return DaeTrainer.builder().hidden(6, 5).activation(Activation.SOFTPLUS).epochs(3).batchSize(8)
                .learningRate(1e-2).seed(3).noise(0.07).build().train(ToyData.rings(b, 30, 2, 0.1, 1));
    }

    @Test
    void trainedDaeRoundTripsExactly() throws IOException {
        TrainedDae dae = trained();
        Path file = dir.resolve("sub/model.daem");
        ModelIo.save(dae, file);
        TrainedDae loaded = ModelIo.load(file, b);

        assertThat(loaded.t()).isEqualTo(0.07);
        assertThat(loaded.provenance()).isEqualTo(dae.provenance());
        assertThat(loaded.model().dims()).containsExactly(2, 6, 5, 2);
        for (int k = 0; k < 3; k++) {
            assertThat(loaded.model().layers().get(k).activation()).isEqualTo(dae.model().layers().get(k).activation());
            assertThat(loaded.model().layers().get(k).weights().toArray()).containsExactly(dae.model().layers().get(k).weights().toArray());
            assertThat(loaded.model().layers().get(k).bias().toArray()).containsExactly(dae.model().layers().get(k).bias().toArray());
        }
        // the documented layout: magic, version 1, JSON length, JSON, 8 bytes per value, CRC32
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("DAEM");
        assertThat(buf.getInt(4)).isEqualTo(1);
        int jsonLength = buf.getInt(8);
        assertThat(new String(bytes, 12, jsonLength, StandardCharsets.UTF_8)).contains("\"kind\":\"trained-dae\"");
        assertThat(bytes.length).isEqualTo(12 + jsonLength + 8 * dae.model().parameterCount() + 4);
        assertThat(buf.getDouble(12 + jsonLength)).isEqualTo(dae.model().layers().get(0).weights().get(0, 0));
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        assertThat(buf.getInt(bytes.length - 4)).isEqualTo((int) crc.getValue());
        // atomic write leaves no temporary file behind
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void bareNetworkRoundTripsAndOverwrites() {
        Mlp net = Mlp.create(b, new int[] {3, 4, 1}, Activation.RELU, Activation.SIGMOID, 2);
        Path file = dir.resolve("net.daem");
        ModelIo.save(trained(), file);
        ModelIo.save(net, file);
        Mlp loaded = ModelIo.loadMlp(file, b);
        assertThat(loaded.dims()).containsExactly(3, 4, 1);
        assertThat(loaded.layers().get(1).activation()).isEqualTo(Activation.SIGMOID);
        assertThat(loaded.layers().get(0).weights().toArray()).containsExactly(net.layers().get(0).weights().toArray());
        assertThatThrownBy(() -> ModelIo.load(file, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bare network");
    }

    @Test
    void damagedFilesAreRejectedNeverHalfLoaded() throws IOException {
        Path good = dir.resolve("good.daem");
        ModelIo.save(trained(), good);
        byte[] bytes = Files.readAllBytes(good);

        assertRejected(Arrays.copyOf(bytes, bytes.length - 9), "CRC32");
        assertRejected(Arrays.copyOf(bytes, 7), "bytes");
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertRejected(magic, "bad magic");
        byte[] flipped = bytes.clone();
        flipped[bytes.length - 20] ^= 0x10;
        assertRejected(flipped, "CRC32");

        // a consistent checksum over an inconsistent header: the shapes do not match the data
        int jsonLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        String json = new String(bytes, 12, jsonLength, StandardCharsets.UTF_8);
        String lying = json.replaceFirst("\"out\":6", "\"out\":7");
        assertThat(lying).isNotEqualTo(json);
        assertRejected(withChecksum(bytes, json, lying), "float64 values");
        assertRejected(withChecksum(bytes, json, json.replaceFirst("\\{", "[")), "JSON");

        assertThatThrownBy(() -> ModelIo.load(dir.resolve("missing.daem"), b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read");

        byte[] future = bytes.clone();
        future[4] = 2;
        Path f = dir.resolve("future.daem");
        Files.write(f, future);
        assertThatThrownBy(() -> ModelIo.load(f, b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format version 2");
    }

    private void assertRejected(byte[] content, String reason) throws IOException {
        Path f = dir.resolve("bad.daem");
        Files.write(f, content);
        assertThatThrownBy(() -> ModelIo.load(f, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model file " + f + " is truncated or corrupted")
                .hasMessageContaining(reason);
    }

    /** The file with its JSON header replaced and the length and CRC32 rewritten to match. */
    private static byte[] withChecksum(byte[] original, String oldJson, String newJson) {
        byte[] oldBytes = oldJson.getBytes(StandardCharsets.UTF_8);
        byte[] newBytes = newJson.getBytes(StandardCharsets.UTF_8);
        int tail = original.length - 12 - oldBytes.length - 4;
        ByteBuffer buf = ByteBuffer.allocate(12 + newBytes.length + tail + 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(original, 0, 8);
        buf.putInt(newBytes.length);
        buf.put(newBytes);
        buf.put(original, 12 + oldBytes.length, tail);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }
}
