package io.aiplatform.e2e;

import io.aiplatform.contracts.ResourceNames;
import org.junit.jupiter.api.BeforeAll;

/** The shared running platform, its API and the emulator, for the end-to-end test classes. */
abstract class PlatformIntegrationTest {

  static RunningPlatform platform;
  static PlatformApi api;
  static Emulator emulator;

  @BeforeAll
  static void platform() throws Exception {
    platform = RunningPlatform.shared();
    api = new PlatformApi(platform);
    emulator = new Emulator(platform.initOutputs.get("PLATFORM_WORKER_API_ID"));
  }

  /** The resource names of a system under this run's prefix. */
  static ResourceNames names(String system) {
    return ResourceNames.of(platform.prefix, system);
  }
}
