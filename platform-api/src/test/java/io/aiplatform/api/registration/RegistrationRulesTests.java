package io.aiplatform.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiplatform.api.ApiProperties;
import io.aiplatform.api.FieldViolation;
import io.aiplatform.contracts.ResourceNames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** Boundaries of the registration rules under the default prefix {@code platform}. */
class RegistrationRulesTests {

  private final RegistrationRules rules = new RegistrationRules(properties("platform"));

  @ParameterizedTest
  @ValueSource(strings = {"a", "inventory-optimizer", "supply-chain-optimizer", "a1-b2", "123abc"})
  void seedStyleNamesAreAccepted(String name) {
    assertThat(rules.check(request(name))).isEmpty();
  }

  @Test
  void longestNameThatFitsIs39CharactersUnderThePlatformPrefix() {
    String fits = "a".repeat(39);
    String overflows = "a".repeat(40);

    assertThat(ResourceNames.of("platform", fits).rule()).hasSize(63);
    assertThat(rules.check(request(fits))).isEmpty();
    assertThat(rules.check(request(overflows)))
        .extracting(FieldViolation::field)
        .containsExactly("system_name");
  }

  @Test
  void aLongerPrefixLeavesLessRoomForTheName() {
    var longPrefix = new RegistrationRules(properties("acme-data-platform"));

    assertThat(longPrefix.check(request("a".repeat(39)))).isNotEmpty();
    assertThat(longPrefix.check(request("a".repeat(29)))).isEmpty();
  }

  @Test
  void fullSeedExampleIsAccepted() {
    var request =
        new RegistrationRequest(
            "supply-chain-optimizer",
            "Supply chain optimization with ML",
            List.of("inventory", "orders", "shipments", "suppliers"),
            List.of(
                new RegistrationRequest.EndpointBody("/supply-chain/optimize", "POST"),
                new RegistrationRequest.EndpointBody("/supply-chain/forecast", "GET")),
            new RegistrationRequest.LambdaConfigBody(3008, 900, "python3.11"),
            "repair");

    assertThat(rules.check(request)).isEmpty();
  }

  private static RegistrationRequest request(String name) {
    return new RegistrationRequest(name, null, null, null, null, null);
  }

  private static ApiProperties properties(String prefix) {
    return new ApiProperties(
        prefix,
        "jobs.fifo",
        "results",
        "dlq.fifo",
        DataSize.ofKilobytes(64),
        List.of("python3.11"),
        List.of(),
        Duration.ofHours(2),
        Duration.ofMinutes(1),
        new ApiProperties.Security(
            "iss",
            null,
            null,
            List.of("c"),
            "r",
            "w",
            new ApiProperties.TokenCache(0, Duration.ZERO)),
        new ApiProperties.Outbox(
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofDays(7),
            Duration.ofMillis(20)),
        new ApiProperties.Audit(10_000, Duration.ofSeconds(1)),
        new ApiProperties.Reconcile(Duration.ofMinutes(30), "report", Duration.ofHours(2)));
  }
}
