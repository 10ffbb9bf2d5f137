package io.aiplatform.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTests {

  @Test
  void decodesValidEscapesAndPlusAsSpaceInQueries() {
    assertThat(PercentEncoding.decode("a%20b+c%C3%BC", true)).isEqualTo("a b cü");
    assertThat(PercentEncoding.decode("a+b", false)).isEqualTo("a+b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%z", "%zz", "9c+%", "%%23", "%ED%A0%80", "%C3%28", "%FF", "a b"})
  void refusesBadEscapesInvalidUtf8AndRawSpaces(String raw) {
    assertThat(PercentEncoding.decode(raw, true)).isNull();
  }

  @Test
  void aPathWithANulOrBadEscapeIsUnreadable() {
    assertThat(PercentEncoding.isReadablePath("/admin/systems/x")).isTrue();
    assertThat(PercentEncoding.isReadablePath("/admin/systems/a%00b")).isFalse();
    assertThat(PercentEncoding.isReadablePath("/admin/systems/=249;2~6%3F%")).isFalse();
  }

  @Test
  void queryParametersAreNamedWhenTheirValueIsBad() {
    var query = PercentEncoding.query("limit=%&subject=a%00b&status=active");

    assertThat(query.malformed()).isNull();
    assertThat(query.violations())
        .extracting(FieldViolation::field)
        .containsExactly("limit", "subject");
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1", "=", "%zz=1", "%00=1"})
  void aQueryWithoutReadableNamesIsMalformed(String raw) {
    assertThat(PercentEncoding.query(raw).malformed()).isNotNull();
  }

  @Test
  void aParameterGivenTwiceIsNamed() {
    assertThat(PercentEncoding.query("limit=1&limit=2").violations())
        .extracting(FieldViolation::field)
        .containsExactly("limit");
  }
}
