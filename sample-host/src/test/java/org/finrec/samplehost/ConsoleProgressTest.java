package org.finrec.samplehost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void withoutATerminalItWritesWholeLinesAndNoCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        for (int done = 0; done <= 1000; done++) {
            progress.progress("training", done, 1000);
        }
        progress.progress("scoring", 1, 0);
        progress.finish();

        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"), log);
        String[] lines = log.split("\n");
        assertEquals(3, lines.length, "the first frame of each step and the finished one: " + log);
        assertTrue(lines[1].startsWith("training") && lines[1].contains("100%"), lines[1]);
    }

    @Test
    void onATerminalItRedrawsInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        progress.progress("training", 1, 10);
        progress.progress("training", 10, 10);

        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.startsWith("\rtraining"), log);
        assertEquals(1, log.chars().filter(c -> c == '\n').count(), log);
    }
}
