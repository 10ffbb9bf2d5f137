package io.aiplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "tab\tnew\nline\r",
        "Grüße, 東京",
        "emoji \uD83D\uDE00",
        "\u007F\u0085"
      })
  void textSqsAndPostgresqlCarryIsStorable(String text) {
    assertThat(Storable.textProblem(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\u0000b", "x\uD800y", "x\uDC00", "\uD800", "bell\u0007", "\uFFFE", "\uFFFF"})
  void nulLoneSurrogatesAndOtherCharactersSqsRefusesAreNot(String text) {
    assertThat(Storable.textProblem(text)).isPresent();
  }

  @Test
  void aSupplementaryCharacterIsNotMistakenForASurrogate() {
    assertThat(Storable.isText(new String(Character.toChars(0x1D800)))).isTrue();
  }

  @Test
  void escapingKeepsStorableTextAndSpellsOutTheRest() {
    assertThat(Storable.escape("plain")).isEqualTo("plain");
    assertThat(Storable.escape("a\u0000b\uD800c")).isEqualTo("a\\u0000b\\uD800c");
    assertThat(Storable.isText(Storable.escape("a\u0000\uDFFF"))).isTrue();
  }

  @Test
  void timesOutsideYearsOneTo9999AreRefused() {
    assertThat(Storable.instantProblem(Instant.parse("2026-12-01T00:00:00Z"))).isEmpty();
    assertThat(Storable.instantProblem(Storable.MIN_INSTANT)).isEmpty();
    assertThat(Storable.instantProblem(Storable.MAX_INSTANT)).isEmpty();
    assertThat(Storable.instantProblem(Instant.parse("+294277-01-01T00:00:00Z"))).isPresent();
    assertThat(Storable.instantProblem(Instant.parse("-4714-11-23T00:00:00Z"))).isPresent();
  }
}
