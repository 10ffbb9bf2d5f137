package io.aiplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The API's modules (the packages under {@code io.aiplatform.api}) depend on each other only
 * through their public types and without cycles; the domain ({@code registration}) knows nothing of
 * HTTP.
 */
class ModuleBoundariesTests {

  private static final ApplicationModules MODULES =
      ApplicationModules.of(PlatformApiApplication.class);

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirApiAndWithoutCycles() {
    MODULES.verify();
  }

  @Test
  void theRegistrationDomainDoesNotDependOnTheWebModule() {
    ApplicationModule registration = MODULES.getModuleByName("registration").orElseThrow();
    ApplicationModule web = MODULES.getModuleByName("web").orElseThrow();

    assertThat(registration.getDirectDependencies(MODULES).contains(web)).isFalse();
  }
}
