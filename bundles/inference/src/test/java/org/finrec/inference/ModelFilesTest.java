package org.finrec.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.finrec.inference.ModelFiles.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @TempDir
    Path folder;

    private Path resource(String content) throws IOException {
        Path source = Files.createTempFile(folder, "resource", ".bin");
        return Files.writeString(source, content, StandardCharsets.UTF_8);
    }

    @Test
    void extractsWithTheSha256OfTheContent() throws IOException {
        ModelFile file = ModelFiles.extract(resource("abc").toUri().toURL(), folder.resolve("models"), "m.onnx");
        assertEquals(folder.resolve("models").resolve("m.onnx"), file.path());
        // SHA-256("abc"), the FIPS 180-2 test vector
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", file.sha256());
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file.path()));
    }

    @Test
    void keepsAnIdenticalCopyAndReplacesADamagedOne() throws IOException {
        Path source = resource("model weights");
        ModelFile first = ModelFiles.extract(source.toUri().toURL(), folder, "m.onnx");
        FileTime written = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(first.path(), written);
        ModelFiles.extract(source.toUri().toURL(), folder, "m.onnx");
        assertEquals(written, Files.getLastModifiedTime(first.path()), "an identical copy is not written again");

        Files.writeString(first.path(), "model weigh", StandardCharsets.UTF_8); // cut short, as after a crash
        ModelFile repaired = ModelFiles.extract(source.toUri().toURL(), folder, "m.onnx");
        assertEquals(first.sha256(), repaired.sha256());
        assertEquals("model weights", Files.readString(repaired.path(), StandardCharsets.UTF_8));
        try (var files = Files.list(folder)) {
            assertTrue(files.noneMatch(path -> path.getFileName().toString().endsWith(".part")),
                    "no temporary file is left behind");
        }
    }

    @Test
    void aMissingResourceIsNamed() {
        IOException missing = assertThrows(IOException.class, () -> ModelFiles.extract(null, folder, "m.onnx"));
        assertTrue(missing.getMessage().contains("m.onnx"), missing.getMessage());
    }
}
