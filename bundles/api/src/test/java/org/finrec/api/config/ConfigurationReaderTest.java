package org.finrec.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigurationReaderTest {

    private static ConfigurationReader reader(Map<String, ?> properties) {
        return ConfigurationReader.of("org.example.component", properties);
    }

    @Test
    void readsTypedAndTextualValuesAndDefaultsAbsentOnes() {
        ConfigurationReader reader = reader(Map.of("a", 5, "b", " 7 ", "c", 2.5f, "d", "0.25", "e", new long[] {9L},
                "f", "true", "g", List.of(" x ", "", "y")));

        assertEquals(5, reader.integer("a", 0, 1, 10));
        assertEquals(7, reader.integer("b", 0, 1, 10));
        assertEquals(2.5, reader.number("c", 0, 0, 10));
        assertEquals(0.25, reader.number("d", 0, 0, 1));
        assertEquals(9L, reader.longInteger("e", 0, 0, 10));
        assertEquals(true, reader.flag("f", false));
        assertEquals(List.of("x", "y"), reader.texts("g", List.of()));
        assertEquals(3, reader.integer("absent", 3, 1, 10));
        assertEquals("dflt", reader.text("absent", "dflt"));
    }

    @Test
    void refusesMalformedEmptyOutOfRangeAndNonFiniteValuesNamingThePidPropertyAndValue() {
        ConfigurationReader reader = reader(Map.of("service.pid", "org.example.component~one", "k", "abc",
                "empty", "", "zero", 0, "huge", "1e309", "nan", Double.NaN, "fraction", "2.5", "text", "  ",
                "many", new String[] {"1", "2"}, "yes", "yes"));

        InvalidConfigurationException malformed = assertThrows(InvalidConfigurationException.class,
                () -> reader.integer("k", 1, 1, 10));
        assertEquals("Configuration org.example.component~one: property k = 'abc' must be an integer from 1 to 10",
                malformed.getMessage());
        assertEquals("org.example.component~one", malformed.pid());
        assertEquals("k", malformed.property());
        assertEquals("abc", malformed.value());
        assertThrows(InvalidConfigurationException.class, () -> reader.longInteger("empty", 1, 1, 10));
        assertThrows(InvalidConfigurationException.class, () -> reader.integer("zero", 1, 1, 10));
        assertThrows(InvalidConfigurationException.class, () -> reader.number("huge", 1, 0, Double.MAX_VALUE));
        assertThrows(InvalidConfigurationException.class, () -> reader.number("nan", 1, 0, 10));
        assertThrows(InvalidConfigurationException.class, () -> reader.integer("fraction", 1, 1, 10));
        assertThrows(InvalidConfigurationException.class, () -> reader.text("text", "x"));
        assertThrows(InvalidConfigurationException.class, () -> reader.integer("many", 1, 1, 10));
        assertThrows(InvalidConfigurationException.class, () -> reader.flag("yes", false));
    }

    private enum Speed { SLOW, FAST }

    @Test
    void choicesAreReadByNameInAnyCaseAndAnythingElseIsRefusedWithTheChoices() {
        ConfigurationReader reader = reader(Map.of("one", " fast ", "typed", Speed.SLOW, "list", "slow, FAST,slow",
                "array", new String[] {"FAST"}, "typo", "fsat", "none", ","));

        assertEquals(Speed.FAST, reader.choice("one", Speed.class, Speed.SLOW));
        assertEquals(Speed.SLOW, reader.choice("typed", Speed.class, Speed.FAST));
        assertEquals(Speed.SLOW, reader.choice("absent", Speed.class, Speed.SLOW));
        assertEquals(List.of(Speed.SLOW, Speed.FAST), List.copyOf(reader.choices("list", Speed.class, Set.of())));
        assertEquals(Set.of(Speed.FAST), reader.choices("array", Speed.class, Set.of()));
        InvalidConfigurationException typo = assertThrows(InvalidConfigurationException.class,
                () -> reader.choice("typo", Speed.class, Speed.SLOW));
        assertEquals("Configuration org.example.component: property typo = 'fsat' must be one of [SLOW, FAST]",
                typo.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> reader.choices("typo", Speed.class, Set.of()));
        assertThrows(InvalidConfigurationException.class, () -> reader.choices("none", Speed.class, Set.of()));
    }

    @Test
    void aChangeIsReadOrReportedAsRefusedWithNothingToApply() {
        java.util.List<InvalidConfigurationException> refusals = new java.util.ArrayList<>();

        assertEquals(java.util.Optional.of(7), ConfigurationReader.readChange(
                () -> reader(Map.of("k", "7")).integer("k", 1, 1, 10), refusals::add));
        assertEquals(java.util.Optional.empty(), ConfigurationReader.readChange(
                () -> reader(Map.of("k", "70")).integer("k", 1, 1, 10), refusals::add));

        assertEquals(1, refusals.size());
        assertEquals("k", refusals.get(0).property());
    }

    @Test
    void aValueBeyondTheIntegerRangeIsRefusedNotWrapped() {
        ConfigurationReader reader = reader(Map.of("k", "4294967297"));

        assertThrows(InvalidConfigurationException.class, () -> reader.integer("k", 1, 1, Integer.MAX_VALUE));
    }

    @Test
    void controlCharactersOfAValueAreShownEscapedAndLongValuesShortened() {
        InvalidConfigurationException refused = assertThrows(InvalidConfigurationException.class,
                () -> reader(Map.of("k", "1\n\u001b[2J" + "9".repeat(500))).integer("k", 1, 1, 10));

        assertEquals(true, refused.getMessage().contains("'1\\u000a\\u001b[2J999"), refused.getMessage());
        assertEquals(true, refused.getMessage().contains("...'"), refused.getMessage());
    }
}
